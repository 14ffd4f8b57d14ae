package com.campagne.plans.tasks;

import java.util.UUID;

/** The addresses of the delegation screens, for links in e-mails and buttons elsewhere. */
public final class TaskPaths {

    /** The address of "my tasks". */
    public static final String MINE = "tasks";

    private TaskPaths() {
    }

    public static String campaignTasks(UUID clientId, UUID campaignId) {
        return "clients/" + clientId + "/campaigns/" + campaignId + "/tasks";
    }
}
