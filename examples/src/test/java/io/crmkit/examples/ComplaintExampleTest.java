package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintExampleTest {

    @Test
    void theComplaintExampleRefusesAnEarlyCloseAndReplaysItsHistory() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ComplaintExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = out.lines().toList();
        assertEquals("INVESTIGATING, owner wang.wei", lines.get(0));
        assertEquals(List.of("replayed equal: true"), lines.subList(lines.size() - 1, lines.size()));
        assertEquals("CLOSED after 9 events", lines.get(lines.size() - 2));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("refused: ")).count(), out);
        assertFalse(out.contains("engine light"), "the description is never printed");
    }
}
