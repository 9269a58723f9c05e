package io.crmkit.cli.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.accounts.AccountPlan;
import io.crmkit.accounts.RelationshipDimension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The complete plan example in README.md is a plan this reader accepts. */
class ReadmePlanTest {

    static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("**The plan JSON.**");
        assertTrue(section > 0, "README has no plan JSON section");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmesCompleteExampleParsesWithEveryPart() throws IOException {
        AccountPlan plan = PlanJson.parse(readmeExample(), "README.md");
        assertEquals("Northwind Steel", plan.account());
        assertEquals("c-2041", plan.customer().orElseThrow().value());
        assertEquals(2, plan.people().size());
        assertEquals(1, plan.targets().size());
        assertEquals(1, plan.competitors().size());
        assertEquals(2.0, plan.assessments().get(0).weights().get(RelationshipDimension.ACCEPTANCE));
        // (2*3 + 3 + 3 + 3 + 2*3 + 3) / 8 = 3
        assertEquals(3.0, plan.assessments().get(0).index(), 1e-12);
        assertEquals(2, plan.deals().get(0).changes().size());
        assertEquals(1, plan.deals().get(0).stagePlans().size());
        assertEquals(1, plan.cards().size());
        assertEquals(java.util.List.of(), plan.review(LocalDate.parse("2026-11-29")).findings()
                .stream().filter(f -> f.code().name().equals("NO_COACH")).toList());
    }
}
