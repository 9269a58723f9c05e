package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The decision chain drawn from the plan's own values. */
class DecisionChainDiagramTest {

    static AccountPlan plan() {
        KeyPerson ceo = KeyPerson.builder().id("ceo").name("Zhao Min").title("CEO").rank(1)
                .role(BuyingRole.DECISION_MAKER).influence(Influence.HIGH).attitude(Attitude.NOT_ACCEPTING).build();
        KeyPerson cio = KeyPerson.builder().id("cio").name("Qian \"Q\" Hao").title("CIO").rank(2).reportsTo("ceo")
                .role(BuyingRole.TECHNICAL_EVALUATOR).influence(Influence.MEDIUM).attitude(Attitude.EXCLUSIVE_SUPPORT)
                .coach(true).build();
        SponsorPairing s = SponsorPairing.builder().executive("Wang Jun").executiveRank(2).person("ceo")
                .sameBusinessArea(true).pastHistory(true).ableAndWilling(true).build();
        return AccountPlan.builder().account("Acme").lastReview(LocalDate.parse("2026-11-01")).addPeople(cio, ceo)
                .addSponsors(s).build();
    }

    @Test
    void mermaidDrawsTheOrgChartWithAttitudeColoursCoachAndSponsor() {
        assertEquals("""
                flowchart TD
                    classDef NOT_ACCEPTING fill:#f4cccc,stroke:#666666
                    classDef NEUTRAL fill:#eeeeee,stroke:#666666
                    classDef LIMITED_SUPPORT fill:#fff2cc,stroke:#666666
                    classDef EXCLUSIVE_SUPPORT fill:#d9ead3,stroke:#666666
                    classDef coach stroke:#000000,stroke-width:4px
                    classDef sponsor fill:#ffffff,stroke:#1f4e79,stroke-dasharray:4 2
                    p0["ceo · Z**<br/>CEO · rank 1<br/>DECISION_MAKER · HIGH<br/>NOT_ACCEPTING"]
                    p1["cio · Q**<br/>CIO · rank 2<br/>TECHNICAL_EVALUATOR · MEDIUM<br/>EXCLUSIVE_SUPPORT<br/>★ coach"]
                    s0["sponsor W**<br/>rank 2"]
                    p0 --> p1
                    s0 -.->|"sponsor, fails equal standing"| p0
                    class p0 NOT_ACCEPTING
                    class p1 EXCLUSIVE_SUPPORT
                    class p1 coach
                    class s0 sponsor
                """, DecisionChainDiagram.of(plan()).mermaid());
    }

    @Test
    void dotDrawsTheSameChart() {
        assertEquals("""
                digraph "Acme" {
                    rankdir=TB;
                    node [shape=box, style="rounded,filled", fontname="sans-serif"];
                    p0 [label="ceo · Z**\\nCEO · rank 1\\nDECISION_MAKER · HIGH\\nNOT_ACCEPTING", fillcolor="#f4cccc"];
                    p1 [label="cio · Q**\\nCIO · rank 2\\nTECHNICAL_EVALUATOR · MEDIUM\\nEXCLUSIVE_SUPPORT\\n★ coach", fillcolor="#d9ead3", penwidth=4];
                    s0 [label="sponsor W**\\nrank 2", fillcolor="#ffffff", style="rounded,dashed"];
                    p0 -> p1;
                    s0 -> p0 [style=dashed, label="sponsor, fails equal standing"];
                }
                """, DecisionChainDiagram.of(plan()).dot());
    }

    @Test
    void fullNamesAreShownOnlyWhenAskedForAndEscaped() {
        String masked = DecisionChainDiagram.of(plan()).mermaid() + DecisionChainDiagram.of(plan()).dot();
        assertFalse(masked.contains("Zhao") || masked.contains("Qian") || masked.contains("Wang"));
        String mermaid = DecisionChainDiagram.of(plan()).withFullNames().mermaid();
        assertTrue(mermaid.contains("cio · Qian #34;Q#34; Hao<br/>"), mermaid);
        String dot = DecisionChainDiagram.of(plan()).withFullNames().dot();
        assertTrue(dot.contains("cio · Qian \\\"Q\\\" Hao\\n"), dot);
    }

    @Test
    void theSponsorEdgeAgreesWithTheReview() {
        AccountPlan plan = plan();
        assertEquals(1, plan.review(LocalDate.parse("2026-11-29")).findings(FindingCode.SPONSOR_MISMATCH).size());
        assertTrue(DecisionChainDiagram.of(plan).mermaid().contains("fails equal standing"));
    }
}
