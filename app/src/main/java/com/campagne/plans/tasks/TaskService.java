package com.campagne.plans.tasks;

import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignService;
import com.campagne.plans.CampaignService.CampaignNotFoundException;
import com.campagne.plans.MediaPlanRepository;
import com.campagne.plans.PlanLineItemRepository;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Delegation on a campaign: tasks (optionally on one of its line items) given to a member of the staff,
 * with a due date and a thread of comments. Staff only: a client viewer never sees the agency's to-do list.
 * The assignee gets an e-mail when a task becomes theirs; {@link TaskReminders} reminds them before it is due.
 */
@Service
public class TaskService {

    static final int TITLE_MAX = 300;
    static final int TEXT_MAX = 4000;

    private final TaskRepository tasks;
    private final TaskCommentRepository comments;
    private final CampaignService campaigns;
    private final ClientService clients;
    private final MembershipRepository memberships;
    private final PlanLineItemRepository lines;
    private final MediaPlanRepository plans;
    private final TaskMails mails;
    private final Clock clock;

    TaskService(TaskRepository tasks, TaskCommentRepository comments, CampaignService campaigns, ClientService clients,
                MembershipRepository memberships, PlanLineItemRepository lines, MediaPlanRepository plans,
                TaskMails mails, Clock clock) {
        this.tasks = tasks;
        this.comments = comments;
        this.campaigns = campaigns;
        this.clients = clients;
        this.memberships = memberships;
        this.lines = lines;
        this.plans = plans;
        this.mails = mails;
        this.clock = clock;
    }

    /** One of "my tasks", with what the list shows of its campaign. */
    public record AssignedTask(Task task, Campaign campaign, String clientName) {
    }

    /** A new, unsaved task on the campaign, to do, given to nobody yet. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Task draft(UUID campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(CampaignNotFoundException::new);
        return new Task(campaign.getId());
    }

    /** The task if its campaign is visible in the current tenant. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Optional<Task> find(UUID taskId) {
        return tasks.findById(taskId).filter(t -> campaigns.find(t.getCampaignId()).isPresent());
    }

    /** The campaign's tasks: open ones first, then by due date (undated last). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<Task> list(UUID campaignId) {
        campaigns.find(campaignId).orElseThrow(CampaignNotFoundException::new);
        return tasks.findByCampaignId(campaignId).stream().sorted(ORDER).toList();
    }

    private static final Comparator<Task> ORDER = Comparator
            .comparing((Task t) -> t.getStatus() == TaskStatus.DONE)
            .thenComparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::getTitle, String.CASE_INSENSITIVE_ORDER);

    /**
     * The current member's tasks, open or done, by due date (overdue ones therefore first, undated last),
     * on the campaigns they can see.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<AssignedTask> mine(boolean done) {
        UUID me = CurrentUser.require().tenant().membershipId();
        Map<UUID, Optional<Campaign>> seen = new HashMap<>();
        Map<UUID, String> clientNames = new HashMap<>();
        return tasks.findByAssigneeId(me).stream()
                .filter(t -> (t.getStatus() == TaskStatus.DONE) == done)
                .sorted(ORDER)
                .flatMap(t -> seen.computeIfAbsent(t.getCampaignId(), campaigns::find).stream()
                        .map(c -> new AssignedTask(t, c, clientNames.computeIfAbsent(c.getClientId(),
                                id -> clients.find(id).map(Client::getName).orElse("")))))
                .toList();
    }

    /** The members a task can be given to: the staff, not the client viewers. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<Membership> assignees() {
        return campaigns.possibleOwners();
    }

    /**
     * Creates or updates a task; every invalid field is reported at once (keys {@code tasks.error.*}). A
     * task given to someone new e-mails them.
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Task save(Task task) {
        Campaign campaign = campaigns.find(task.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        CampagneUser user = CurrentUser.require();
        UUID previousAssignee = null;
        if (task.getVersion() != null) {
            Task stored = tasks.findById(task.getId()).orElseThrow(TaskNotFoundException::new);
            if (!stored.getCampaignId().equals(task.getCampaignId())) {
                throw new TaskNotFoundException();
            }
            previousAssignee = stored.getAssigneeId();
            task.copyCreation(stored);
            if (!Objects.equals(stored.getDueDate(), task.getDueDate())
                    || !Objects.equals(stored.getAssigneeId(), task.getAssigneeId())) {
                task.resetReminder();
            }
        } else {
            task.created(user.tenant().membershipId(), who(user), clock.instant());
        }
        task.setTitle(strip(task.getTitle()));
        task.setDescription(strip(task.getDescription()));
        Optional<Membership> assignee = validate(task);
        Task saved = tasks.save(task);
        if (assignee.isPresent() && !assignee.get().getId().equals(previousAssignee)) {
            mails.assigned(saved, campaign, assignee.get(), who(user));
        }
        return saved;
    }

    private Optional<Membership> validate(Task task) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (task.getTitle() == null) {
            errors.put("title", "tasks.error.title.required");
        } else if (task.getTitle().length() > TITLE_MAX) {
            errors.put("title", "tasks.error.title.size");
        }
        if (task.getDescription() != null && task.getDescription().length() > TEXT_MAX) {
            errors.put("description", "tasks.error.description.size");
        }
        Optional<Membership> assignee = Optional.empty();
        if (task.getAssigneeId() != null) {
            // Another tenant's membership is not found here (@TenantId and row-level security).
            assignee = memberships.findById(task.getAssigneeId()).filter(m -> m.getRole() != Role.CLIENT_VIEWER);
            if (assignee.isEmpty()) {
                errors.put("assignee", "tasks.error.assignee.unknown");
            }
        }
        if (task.getLineItemId() != null && lines.findById(task.getLineItemId())
                .flatMap(l -> plans.findById(l.getPlanId()))
                .filter(p -> p.getCampaignId().equals(task.getCampaignId())).isEmpty()) {
            errors.put("lineItem", "tasks.error.lineItem.unknown");
        }
        if (task.getStatus() == null) {
            errors.put("status", "tasks.error.status.required");
        }
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
        return assignee;
    }

    /** Marks the task done (or reopens it) in one click. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Task changeStatus(UUID taskId, TaskStatus status) {
        Task task = find(taskId).orElseThrow(TaskNotFoundException::new);
        task.setStatus(Objects.requireNonNull(status));
        return tasks.save(task);
    }

    /** Deletes the task: its creator may, and so may an owner, admin or manager. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void delete(UUID taskId) {
        Task task = find(taskId).orElseThrow(TaskNotFoundException::new);
        if (!canDelete(task)) {
            throw CampaignException.of("tasks.error.deleteNotAllowed");
        }
        tasks.delete(task);
    }

    /** Whether the current member may delete the task (decides whether the button shows). */
    public boolean canDelete(Task task) {
        CampagneUser user = CurrentUser.require();
        return user.hasRole(Role.OWNER) || user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER)
                || user.tenant().membershipId().equals(task.getCreatedById());
    }

    /** The task's thread, oldest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<TaskComment> comments(UUID taskId) {
        find(taskId).orElseThrow(TaskNotFoundException::new);
        return comments.findByTaskIdOrderByCreatedAtAsc(taskId);
    }

    /** Adds a message to the task's thread, signed by the current member. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public TaskComment comment(UUID taskId, String body) {
        Task task = find(taskId).orElseThrow(TaskNotFoundException::new);
        String text = strip(body);
        Map<String, String> errors = new LinkedHashMap<>();
        if (text == null) {
            errors.put("body", "tasks.error.comment.required");
        } else if (text.length() > TEXT_MAX) {
            errors.put("body", "tasks.error.comment.size");
        }
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
        CampagneUser user = CurrentUser.require();
        return comments.save(new TaskComment(task.getId(), user.tenant().membershipId(), who(user), text,
                clock.instant()));
    }

    private static String who(CampagneUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.email() : user.displayName();
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Unknown here: absent, another tenant's or on a campaign the user cannot see, which all look the same. */
    public static class TaskNotFoundException extends RuntimeException {
        public TaskNotFoundException() {
            super("task not found");
        }
    }
}
