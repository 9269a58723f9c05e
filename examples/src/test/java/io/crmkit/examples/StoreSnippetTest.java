package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.examples.readme.StoreSnippet;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.store.ComplaintStore;
import io.crmkit.store.CrmStore;
import org.junit.jupiter.api.Test;

/** The README's crm-store snippet runs on an embedded H2 database and leaves what it says. */
class StoreSnippetTest {

    @Test
    void theSnippetStoresAssignsRefusesTheStaleWriterAndErases() {
        Complaint kept = StoreSnippet.store(CrmStore.dataSource("jdbc:h2:mem:readme-store;DB_CLOSE_DELAY=-1"));
        assertEquals(ComplaintState.ASSIGNED, kept.state());
        assertEquals("wang.wei", kept.owner());
        assertEquals(2, kept.eventCount());
        assertEquals(ComplaintStore.ERASED, kept.intake().description());
    }
}
