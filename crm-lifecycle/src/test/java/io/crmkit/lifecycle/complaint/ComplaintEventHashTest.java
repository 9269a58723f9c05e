package io.crmkit.lifecycle.complaint;

import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.WANG;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.sla.Severity;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hash of an event is SHA-256 over the documented encoding {@code crmkit.complaint-event.v1}
 * ({@link ComplaintEvent}): checked against this test's own encoder, written from the
 * documentation with {@link DataOutputStream}, for ASCII and Chinese texts, every optional field
 * present and absent, and recorded external guards.
 */
class ComplaintEventHashTest {

    /** The documented encoding, field by field, as {@link DataOutputStream} writes it. */
    private static String reference(ComplaintEvent e, String previousHash) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        string(out, "crmkit.complaint-event.v1");
        out.write(HexFormat.of().parseHex(previousHash));
        ComplaintCommand c = e.command();
        string(out, c.trigger().commandName());
        string(out, e.from().name());
        string(out, e.to().name());
        out.writeLong(c.at().getEpochSecond());
        out.writeInt(c.at().getNano());
        string(out, c.actor().id());
        string(out, c.actor().role().name());
        out.writeBoolean(c.intake().isPresent());
        if (c.intake().isPresent()) {
            ComplaintIntake in = c.intake().get();
            string(out, in.id());
            string(out, in.customer().value());
            string(out, in.channel().name());
            string(out, in.category().name());
            string(out, in.severity().name());
            string(out, in.description());
            optional(out, in.linkedTo().orElse(null));
        }
        optional(out, c.assignee().orElse(null));
        out.writeInt(c.satisfaction().orElse(0));
        optional(out, c.rootCause().orElse(null));
        optional(out, c.note().orElse(null));
        out.writeInt(e.externalGuards().size());
        for (String g : e.externalGuards()) {
            string(out, g);
        }
        out.flush();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static void assertChainMatchesTheReference(List<ComplaintEvent> history) throws Exception {
        String previous = ComplaintEvent.GENESIS;
        List<ComplaintEvent> stored = new ArrayList<>();
        for (ComplaintEvent e : history) {
            String expected = reference(e, previous);
            assertEquals(expected, e.hash(), e.trigger().commandName());
            // rebuilt as a store does, from the previous hash
            ComplaintEvent again = ComplaintEvent.of(e.command(), e.from(), e.to(), e.externalGuards(), previous);
            assertEquals(expected, again.hash(), e.trigger().commandName());
            stored.add(again);
            previous = expected;
        }
        assertEquals(previous, Complaint.replay(stored, previous).headHash());
    }

    @Test
    void aClosedComplaintsChainIsTheDocumentedEncoding() throws Exception {
        assertChainMatchesTheReference(ComplaintReplayTest.closed().history());
    }

    @Test
    void chineseTextsALinkAndANoteAreEncodedAsUtf8() throws Exception {
        ComplaintIntake intake = ComplaintIntake.builder().id("CP-2").customer(CustomerId.of("c-17"))
                .channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH)
                .description("车顶行李架异响，请回电 13812345678").linkedTo(java.util.Optional.of("CP-1")).build();
        Complaint c = Complaint.receive(intake, at(0), Actor.of("李娜", Role.AGENT))
                .assign(at(10), Actor.of("李娜", Role.OWNER), "王伟");
        c = c.apply(ComplaintCommand.of(ComplaintTrigger.ACKNOWLEDGE, at(20), Actor.of("王伟", Role.OWNER))
                .withNote("已致电客户，约定周三到店"));
        assertChainMatchesTheReference(c.history());
    }

    @Test
    void recordedExternalGuardsAreEncoded() throws Exception {
        Guard creditApproved = Guard.external("credit approved", (ctx, cmd) -> cmd.note().isPresent(),
                (ctx, cmd) -> "a goodwill credit needs the approval number in the note");
        ComplaintWorkflow withCredit = ComplaintWorkflow.standardBuilder().configure(ComplaintState.RESOLVED)
                .permit(ComplaintTrigger.CLOSE, ComplaintState.CLOSED, creditApproved).build();
        Complaint resolved = Complaint.replay(withCredit, ComplaintReplayTest.closed().history().subList(0, 6));
        Complaint c = resolved.apply(ComplaintCommand.of(ComplaintTrigger.CLOSE, at(100), WANG)
                .withEvaluation(4, "supplier-defect").withNote("approval 7781"));
        assertEquals(List.of("credit approved"), c.lastEvent().externalGuards());
        String previous = c.history().get(5).hash();
        assertEquals(reference(c.lastEvent(), previous), c.lastEvent().hash());
    }
}
