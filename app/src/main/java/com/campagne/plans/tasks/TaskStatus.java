package com.campagne.plans.tasks;

/** Where a task stands. Labels: {@code tasks.status.<NAME>}. */
public enum TaskStatus {
    TODO, IN_PROGRESS, DONE
}
