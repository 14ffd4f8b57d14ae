package com.campagne.clients;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface ClientRepository extends JpaRepository<Client, UUID> {

    @Query("""
            select c from Client c
            where ((:archived = true and c.archivedAt is not null) or (:archived = false and c.archivedAt is null))
              and (:search = '' or lower(c.name) like lower(concat('%', :search, '%'))
                   or lower(coalesce(c.sector, '')) like lower(concat('%', :search, '%')))
              and (:restricted = false or c.id in :allowed)
            order by lower(c.name)""")
    List<Client> search(String search, boolean archived, boolean restricted, Collection<UUID> allowed,
                        Pageable pageable);

    @Query("""
            select count(c) from Client c
            where ((:archived = true and c.archivedAt is not null) or (:archived = false and c.archivedAt is null))
              and (:search = '' or lower(c.name) like lower(concat('%', :search, '%'))
                   or lower(coalesce(c.sector, '')) like lower(concat('%', :search, '%')))
              and (:restricted = false or c.id in :allowed)""")
    long countSearch(String search, boolean archived, boolean restricted, Collection<UUID> allowed);

    List<Client> findByArchivedAtIsNullOrderByNameAsc();

    /** Ids and names of the active clients, without loading their logos. */
    @Query("select c.id, c.name from Client c where c.archivedAt is null order by lower(c.name)")
    List<Object[]> activeNames();

    boolean existsByIdIn(Collection<UUID> ids);
}
