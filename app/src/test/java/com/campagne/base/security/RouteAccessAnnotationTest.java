package com.campagne.base.security;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen says who may open it. Vaadin denies a route with no access annotation, which fails
 * closed but hides the intent; worse, Vaadin also takes the annotation of a superclass, so a view
 * extending a public one would silently be public. Hence: declared on the class itself.
 */
class RouteAccessAnnotationTest {

    static final List<Class<? extends Annotation>> ACCESS = List.of(RolesAllowed.class, PermitAll.class,
            AnonymousAllowed.class, DenyAll.class);

    @Test
    void everyRouteDeclaresWhoMayOpenIt() {
        Set<String> routes = scan(new AnnotationTypeFilter(Route.class), new AnnotationTypeFilter(RouteAlias.class));
        assertThat(routes).as("routes found under com.campagne").hasSizeGreaterThan(5)
                .contains("com.campagne.accounts.ui.LoginView", "com.campagne.clients.ui.ClientsView");
        assertThat(withoutAccessAnnotation(routes))
                .as("@Route classes without @RolesAllowed, @PermitAll, @AnonymousAllowed or @DenyAll"
                        + " on the class itself")
                .isEmpty();
    }

    @Test
    void everyErrorViewDeclaresWhoMaySeeIt() {
        Set<String> errorViews = scan(new AssignableTypeFilter(HasErrorParameter.class));
        assertThat(errorViews).as("error views found under com.campagne")
                .contains("com.campagne.base.ui.NotFoundView");
        assertThat(withoutAccessAnnotation(errorViews))
                .as("HasErrorParameter classes without @RolesAllowed, @PermitAll, @AnonymousAllowed or @DenyAll"
                        + " on the class itself")
                .isEmpty();
    }

    private static Set<String> scan(TypeFilter... filters) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                // Vaadin instantiates only concrete, top-level or static nested classes.
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        for (TypeFilter filter : filters) {
            scanner.addIncludeFilter(filter);
        }
        Set<String> names = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("com.campagne")) {
            names.add(definition.getBeanClassName());
        }
        return names;
    }

    private static Set<String> withoutAccessAnnotation(Set<String> classNames) {
        Set<String> missing = new TreeSet<>();
        for (String name : classNames) {
            Class<?> type = ClassUtils.resolveClassName(name, RouteAccessAnnotationTest.class.getClassLoader());
            // Declared, not inherited: isAnnotationPresent would accept an @Inherited one from a superclass.
            if (ACCESS.stream().noneMatch(a -> type.getDeclaredAnnotation(a) != null)) {
                missing.add(name);
            }
        }
        return missing;
    }
}
