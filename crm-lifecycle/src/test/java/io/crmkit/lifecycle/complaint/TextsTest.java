package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void durationsReadTheSameWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertEquals("2h 05m", Texts.duration(Duration.ofMinutes(125)));
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals("under a minute", Texts.duration(Duration.ofSeconds(59)));
        assertEquals("45m", Texts.duration(Duration.ofMinutes(45)));
        assertEquals("2h", Texts.duration(Duration.ofHours(2)));
        assertEquals("3 days", Texts.duration(Duration.ofDays(3)));
    }
}
