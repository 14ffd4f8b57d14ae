package com.campagne.plans.objectives;

/**
 * The four perspectives of a balanced scorecard (Kaplan and Norton), in the order the scorecard shows them.
 * Labels: {@code objectives.perspective.<NAME>}. The names are stored.
 */
public enum Perspective {
    /** Money: revenue, cost, return on spend. */
    FINANCIAL,
    /** The client's customers: reach, satisfaction, loyalty. */
    CUSTOMER,
    /** How well the work is done: conversion funnel, delivery, quality. */
    INTERNAL_PROCESS,
    /** What the team learns and improves: tests run, audiences, skills. */
    LEARNING_GROWTH
}
