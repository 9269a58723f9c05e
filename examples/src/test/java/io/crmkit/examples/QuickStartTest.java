package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void theQuickStartPrintsTheMaskedFileTheAdviceAndACleanReview() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("Customer[c-17 PERSON 张**, contacts [MOBILE 138****5678, EMAIL z***@example.com], v2]", lines.get(0));
        assertEquals("medium customers, high margin: Kotler's table gives PROACTIVE", lines.get(3));
        assertEquals("kept 2, missed 0", lines.get(4));
        assertFalse(String.join("\n", lines).contains("13812345678"));
    }
}
