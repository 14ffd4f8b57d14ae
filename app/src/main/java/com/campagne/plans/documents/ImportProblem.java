package com.campagne.plans.documents;

/**
 * One problem of an imported file: the row as Excel numbers it and the column's header key, or row 0 and no
 * column for the file as a whole; {@link PlanImportService#describe} words it for the user.
 */
public record ImportProblem(int row, String columnKey, String messageKey) {
}
