package com.campagne.plans.documents;

import java.util.List;

/** The file was refused and nothing was written; every problem found is listed, not only the first. */
public class PlanImportException extends RuntimeException {

    private final List<ImportProblem> problems;

    public PlanImportException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the imported plan");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
