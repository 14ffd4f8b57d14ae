package com.campagne.plans.calendar;

import com.campagne.base.security.CurrentUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignRepository;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.PlanLineItemRepository;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskRepository;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tenant-wide action calendar: the campaigns of the clients the user may see that run during a range
 * of days, with the flights of their latest visible plan version and, for staff, their dated tasks. A
 * client viewer sees only their granted clients' campaigns once proposed, and no tasks.
 */
@Service
public class CalendarService {

    /** The address of the action calendar. */
    public static final String PATH = "calendar";

    private final CampaignRepository campaigns;
    private final ClientService clients;
    private final MediaPlanService plans;
    private final PlanLineItemRepository lines;
    private final TaskRepository tasks;

    CalendarService(CampaignRepository campaigns, ClientService clients, MediaPlanService plans,
                    PlanLineItemRepository lines, TaskRepository tasks) {
        this.campaigns = campaigns;
        this.clients = clients;
        this.plans = plans;
        this.lines = lines;
        this.tasks = tasks;
    }

    /** What to show: every criterion is optional (null = all). */
    public record Filter(UUID clientId, CampaignStatus status, Channel channel) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    /** One campaign of the calendar: its client's name, its flights (latest visible version) and dated tasks. */
    public record Entry(Campaign campaign, String clientName, List<PlanLineItem> lines, List<Task> tasks) {
    }

    /** The campaigns running (at least one day) between {@code from} and {@code to}, by start date then name. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Entry> between(LocalDate from, LocalDate to, Filter filter) {
        boolean staff = !CurrentUser.require().hasRole(Role.CLIENT_VIEWER);
        Map<UUID, Optional<Client>> visible = new HashMap<>();
        List<Campaign> running = campaigns.findAll().stream()
                .filter(c -> c.getStartDate() != null && c.getEndDate() != null)
                .filter(c -> !c.getStartDate().isAfter(to) && !c.getEndDate().isBefore(from))
                .filter(c -> staff || c.getStatus() != CampaignStatus.DRAFT)
                .filter(c -> filter.clientId() == null || filter.clientId().equals(c.getClientId()))
                .filter(c -> filter.status() == null || filter.status() == c.getStatus())
                .filter(c -> visible.computeIfAbsent(c.getClientId(), clients::find).isPresent())
                .sorted(Comparator.comparing(Campaign::getStartDate).thenComparing(Campaign::getName,
                        String.CASE_INSENSITIVE_ORDER))
                .toList();
        Map<UUID, List<Task>> tasksByCampaign = staff
                ? tasks.findByCampaignIdIn(running.stream().map(Campaign::getId).toList()).stream()
                .filter(t -> t.getDueDate() != null)
                .sorted(Comparator.comparing(Task::getDueDate))
                .collect(Collectors.groupingBy(Task::getCampaignId))
                : Map.of();
        return running.stream()
                .map(c -> new Entry(c, visible.get(c.getClientId()).map(Client::getName).orElse(""),
                        latestLines(c), tasksByCampaign.getOrDefault(c.getId(), List.of())))
                .filter(e -> filter.channel() == null
                        || e.lines().stream().anyMatch(l -> l.getChannel() == filter.channel()))
                .toList();
    }

    private List<PlanLineItem> latestLines(Campaign campaign) {
        List<MediaPlan> versions = plans.versions(campaign.getId());
        return versions.isEmpty() ? List.of() : lines.findByPlanIdOrderByPositionAsc(versions.getLast().getId());
    }

    /** The clients the filter offers: those the user may see, by name. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Client> clients() {
        return clients.active().stream().filter(c -> clients.find(c.getId()).isPresent()).toList();
    }

    /** The channels a set of entries buys, for the legend. */
    public static Set<Channel> channels(List<Entry> entries) {
        return entries.stream().flatMap(e -> e.lines().stream()).map(PlanLineItem::getChannel)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Channel.class)));
    }
}
