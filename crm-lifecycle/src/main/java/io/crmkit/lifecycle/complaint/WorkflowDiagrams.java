package io.crmkit.lifecycle.complaint;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Draws a workflow's table: a Mermaid state diagram, a Graphviz digraph and a Markdown table, all
 * from the same rows, so the pictures cannot drift from the behaviour.
 */
final class WorkflowDiagrams {

    private WorkflowDiagrams() {
    }

    static String mermaid(ComplaintWorkflow workflow) {
        List<Transition> rows = workflow.rows();
        StringBuilder s = new StringBuilder("stateDiagram-v2\n");
        for (Transition t : rows) {
            String from = t.from() == ComplaintState.NEW ? "[*]" : t.from().name();
            s.append("    ").append(from).append(" --> ").append(t.to().name()).append(" : ").append(label(t))
                    .append('\n');
        }
        for (ComplaintState state : finalStates(workflow, rows)) {
            s.append("    ").append(state.name()).append(" --> [*]\n");
        }
        return s.toString();
    }

    static String dot(ComplaintWorkflow workflow) {
        List<Transition> rows = workflow.rows();
        StringBuilder s = new StringBuilder("digraph complaint {\n    rankdir=LR;\n"
                + "    node [shape=box, style=rounded];\n    start [shape=point];\n");
        for (Transition t : rows) {
            String from = t.from() == ComplaintState.NEW ? "start" : t.from().name();
            s.append("    ").append(from).append(" -> ").append(t.to().name()).append(" [label=\"")
                    .append(label(t)).append("\"];\n");
        }
        for (ComplaintState state : finalStates(workflow, rows)) {
            s.append("    ").append(state.name()).append(" [peripheries=2];\n");
        }
        return s.append("}\n").toString();
    }

    static String markdown(ComplaintWorkflow workflow) {
        StringBuilder s = new StringBuilder("| from | command | to | roles | guards |\n|---|---|---|---|---|\n");
        for (Transition t : workflow.rows()) {
            s.append("| ").append(t.from()).append(" | ").append(t.trigger().commandName()).append(" | ")
                    .append(t.to()).append(" | ")
                    .append(workflow.roles(t.trigger()).stream().map(Role::label).collect(Collectors.joining(", ")))
                    .append(" | ").append(guardNames(t)).append(" |\n");
        }
        return s.toString();
    }

    /** States other than NEW that some row reaches and no row leaves. */
    private static List<ComplaintState> finalStates(ComplaintWorkflow workflow, List<Transition> rows) {
        return java.util.Arrays.stream(ComplaintState.values())
                .filter(state -> state != ComplaintState.NEW && workflow.permittedTriggers(state).isEmpty()
                        && rows.stream().anyMatch(t -> t.to() == state))
                .toList();
    }

    private static String guardNames(Transition t) {
        return t.guardList().stream().map(Guard::name).collect(Collectors.joining(", "));
    }

    private static String label(Transition t) {
        String guards = guardNames(t);
        return t.trigger().commandName() + (guards.isEmpty() ? "" : " [" + guards + "]");
    }
}
