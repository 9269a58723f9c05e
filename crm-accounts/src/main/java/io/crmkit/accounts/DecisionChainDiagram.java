package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision chain of a plan drawn as an org chart in Mermaid or Graphviz DOT text: one node per
 * key person with id, name, title, rank, role and influence; an edge from each person to those who
 * report to them; attitude as fill colour; a coach drawn with a thick border and marked
 * {@code ★ coach}; each executive sponsor as a separate node with a dashed edge to the person,
 * labelled with the principles it fails. Everything is read from the plan's own values and
 * {@link AccountPlan#sponsorChecks()}, the same the {@link AccountReview} reads.
 *
 * <p>Names are masked ({@code 张**}) unless {@link #withFullNames()} is asked for, as the picture
 * is often shared. The output is deterministic: people in id order, sponsors in person then
 * executive order, lines ending in {@code \n}.
 *
 * <pre>{@code
 * String mermaid = DecisionChainDiagram.of(plan).mermaid();
 * String dot = DecisionChainDiagram.of(plan).withFullNames().dot();
 * }</pre>
 */
public final class DecisionChainDiagram {

    private final AccountPlan plan;
    private final boolean fullNames;

    private DecisionChainDiagram(AccountPlan plan, boolean fullNames) {
        this.plan = plan;
        this.fullNames = fullNames;
    }

    /**
     * Returns the diagram of a plan's decision chain, with names masked.
     *
     * @param plan the plan
     * @return the diagram
     */
    public static DecisionChainDiagram of(AccountPlan plan) {
        return new DecisionChainDiagram(requireNonNull(plan, "plan"), false);
    }

    /** @return the same diagram showing people's and executives' full names */
    public DecisionChainDiagram withFullNames() {
        return new DecisionChainDiagram(plan, true);
    }

    /**
     * Returns the fill colour that stands for an attitude, as a hex RGB string.
     *
     * @param attitude the attitude
     * @return red {@code #f4cccc} for not accepting, grey {@code #eeeeee} for neutral, yellow
     *     {@code #fff2cc} for limited support, green {@code #d9ead3} for supportive and exclusive
     */
    public static String colour(Attitude attitude) {
        switch (attitude) {
            case NOT_ACCEPTING:
                return "#f4cccc";
            case NEUTRAL:
                return "#eeeeee";
            case LIMITED_SUPPORT:
                return "#fff2cc";
            default:
                return "#d9ead3";
        }
    }

    /** @return the chart as a Mermaid {@code flowchart TD} */
    public String mermaid() {
        Layout l = layout();
        StringBuilder s = new StringBuilder("flowchart TD\n");
        for (Attitude a : Attitude.values()) {
            s.append("    classDef ").append(a.name()).append(" fill:").append(colour(a)).append(",stroke:#666666\n");
        }
        s.append("    classDef coach stroke:#000000,stroke-width:4px\n");
        s.append("    classDef sponsor fill:#ffffff,stroke:#1f4e79,stroke-dasharray:4 2\n");
        for (KeyPerson p : l.people) {
            s.append("    ").append(l.nodes.get(p.id())).append("[\"")
                    .append(mermaidText(String.join("\n", label(p)))).append("\"]\n");
        }
        for (int i = 0; i < l.sponsors.size(); i++) {
            s.append("    s").append(i).append("[\"").append(mermaidText(sponsorLabel(l.sponsors.get(i)))).append("\"]\n");
        }
        for (KeyPerson p : l.people) {
            p.reportsTo().ifPresent(b -> s.append("    ").append(l.nodes.get(b)).append(" --> ")
                    .append(l.nodes.get(p.id())).append('\n'));
        }
        for (int i = 0; i < l.sponsors.size(); i++) {
            SponsorCheck c = l.sponsors.get(i);
            s.append("    s").append(i).append(" -.->|\"").append(mermaidText(edgeLabel(c))).append("\"| ")
                    .append(l.nodes.get(c.person().id())).append('\n');
        }
        for (KeyPerson p : l.people) {
            s.append("    class ").append(l.nodes.get(p.id())).append(' ').append(p.attitude().name()).append('\n');
            if (p.coach()) {
                s.append("    class ").append(l.nodes.get(p.id())).append(" coach\n");
            }
        }
        for (int i = 0; i < l.sponsors.size(); i++) {
            s.append("    class s").append(i).append(" sponsor\n");
        }
        return s.toString();
    }

    /** @return the chart as a Graphviz {@code digraph} */
    public String dot() {
        Layout l = layout();
        StringBuilder s = new StringBuilder("digraph \"").append(dotText(plan.account())).append("\" {\n");
        s.append("    rankdir=TB;\n    node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\"];\n");
        for (KeyPerson p : l.people) {
            s.append("    ").append(l.nodes.get(p.id())).append(" [label=\"").append(dotText(String.join("\n", label(p))))
                    .append("\", fillcolor=\"").append(colour(p.attitude())).append('"')
                    .append(p.coach() ? ", penwidth=4" : "").append("];\n");
        }
        for (int i = 0; i < l.sponsors.size(); i++) {
            s.append("    s").append(i).append(" [label=\"").append(dotText(sponsorLabel(l.sponsors.get(i))))
                    .append("\", fillcolor=\"#ffffff\", style=\"rounded,dashed\"];\n");
        }
        for (KeyPerson p : l.people) {
            p.reportsTo().ifPresent(b -> s.append("    ").append(l.nodes.get(b)).append(" -> ")
                    .append(l.nodes.get(p.id())).append(";\n"));
        }
        for (int i = 0; i < l.sponsors.size(); i++) {
            SponsorCheck c = l.sponsors.get(i);
            s.append("    s").append(i).append(" -> ").append(l.nodes.get(c.person().id())).append(" [style=dashed, label=\"")
                    .append(dotText(edgeLabel(c))).append("\"];\n");
        }
        return s.append("}\n").toString();
    }

    private record Layout(List<KeyPerson> people, Map<String, String> nodes, List<SponsorCheck> sponsors) {
    }

    private Layout layout() {
        List<KeyPerson> people = new ArrayList<>(plan.people());
        people.sort(Comparator.comparing(KeyPerson::id));
        Map<String, String> nodes = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            nodes.put(people.get(i).id(), "p" + i);
        }
        List<SponsorCheck> sponsors = new ArrayList<>(plan.sponsorChecks());
        sponsors.sort(Comparator.comparing((SponsorCheck c) -> c.person().id())
                .thenComparing(c -> c.pairing().executive()));
        return new Layout(people, nodes, sponsors);
    }

    private List<String> label(KeyPerson p) {
        List<String> lines = new ArrayList<>();
        lines.add(p.id() + " · " + (fullNames ? p.name() : p.maskedName()));
        String title = p.title() + (p.rank().isPresent() ? (p.title().isEmpty() ? "" : " · ") + "rank " + p.rank().getAsInt() : "");
        if (!title.isEmpty()) {
            lines.add(title);
        }
        lines.add(p.role() + " · " + p.influence());
        lines.add(p.attitude().name());
        if (p.coach()) {
            lines.add("★ coach");
        }
        return lines;
    }

    private String sponsorLabel(SponsorCheck c) {
        SponsorPairing s = c.pairing();
        return "sponsor " + (fullNames ? s.executive() : s.maskedExecutive())
                + (s.executiveRank().isPresent() ? "\nrank " + s.executiveRank().getAsInt() : "");
    }

    private static String edgeLabel(SponsorCheck c) {
        return c.allHold() ? "sponsor" : "sponsor, fails " + c.failed().stream()
                .map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Escapes text for a quoted Mermaid label: entity codes for the characters Mermaid parses. */
    private static String mermaidText(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                s.append("<br/>");
            } else if (c == '"' || c == '#' || c == '<' || c == '>' || c == '&' || Character.isISOControl(c)) {
                s.append("#").append(c).append(';');
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    /** Escapes text for a quoted DOT string: backslash and quote escaped, line breaks as {@code \n}. */
    private static String dotText(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '"' || c == '\\') {
                s.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                s.append(' ');
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }
}
