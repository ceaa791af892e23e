package io.icewarn.bot.render.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icewarn.bot.Fixtures;
import io.icewarn.bot.Golden;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.Problem;
import io.icewarn.decoder.model.ServerDiagnostic;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class JsonOutputTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aClientDiagnosticFollowsTheContract() throws Exception {
        // GIVEN the seed decode WHEN written as JSON
        String json = new JsonOutput().render(List.of(JsonOutput.Input.decoded("seed.txt", Fixtures.seed24())));
        JsonNode d = mapper.readTree(json).get("diagnostics").get(0);
        // THEN the contract keys hold the documented values
        assertThat(d.get("header").asText()).isEqualTo("ms-client-diagnostics");
        assertThat(d.get("code").asInt()).isEqualTo(24);
        assertThat(d.get("reason").asText()).startsWith("Call failed");
        assertThat(d.get("side").asText()).isEqualTo("caller");
        assertThat(d.get("media").asText()).isEqualTo("application-sharing");
        assertThat(d.get("severity").asText()).isEqualTo("failure");
        assertThat(d.get("shape").asText()).isEqualTo("client-media-debug");
        assertThat(d.get("span").get("start").asInt()).isEqualTo(Fixtures.SEED_24.indexOf("ms-client"));
        assertThat(d.get("sipStatus").isNull()).isTrue();
        List<String> keys = new ArrayList<>();
        d.get("fields").fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(
                        "ICEWarn",
                        "RemoteSite",
                        "PortRange",
                        "LocalMRTCPPort",
                        "LocalLocation",
                        "RemoteLocation",
                        "FederationType");
        assertThat(d.get("fields").get("LocalLocation").asText()).isEqualTo("1");
        JsonNode ice = d.get("iceWarn");
        assertThat(ice.get("value").asText()).isEqualTo("0x320");
        assertThat(ice.get("flags")).hasSize(3);
        assertThat(ice.get("flags").get(0).get("bit").asText()).isEqualTo("0x20");
        assertThat(ice.get("flags").get(0).get("expected").asBoolean()).isFalse();
        assertThat(ice.get("flags").get(0).get("expectation").asText()).isEqualTo("may-occur");
        assertThat(ice.get("flags").get(1).get("expected").asBoolean()).isTrue();
        assertThat(ice.get("unknownBits")).isEmpty();
        JsonNode step = d.get("checklist").get(0);
        assertThat(step.get("sources").get(1).asText()).isEqualTo("S40");
        assertThat(step.get("confidence").asText()).isEqualTo("observed");
        assertThat(step.get("rule").asText()).isEqualTo("edge-tcp-443");
        assertThat(d.get("checklist").get(1).get("confidence").asText()).isEqualTo("inferred");
    }

    @Test
    void duplicateFieldKeysKeepTheFirstValue() throws Exception {
        // GIVEN a server diagnostic with a repeated key
        ServerDiagnostic s = new ServerDiagnostic(
                new Span(0, 5),
                Shape.SERVER,
                1008,
                OptionalInt.of(2),
                Optional.empty(),
                Fields.of(List.of(new Field("source", "a"), new Field("source", "b"))),
                OptionalInt.of(504));
        DecodeResult r = new DecodeResult(
                List.of(new DecodedDiagnostic(
                        s, Severity.FAILURE, "v", Optional.empty(), Optional.empty(), List.of(), List.of(), List.of())),
                List.of());
        // WHEN written
        JsonNode d = mapper.readTree(new JsonOutput().render(List.of(JsonOutput.Input.decoded("-", r))))
                .get("diagnostics")
                .get(0);
        // THEN the first wins, client-only keys are null, server extras are set
        assertThat(d.get("fields").get("source").asText()).isEqualTo("a");
        assertThat(d.get("side").isNull()).isTrue();
        assertThat(d.get("iceWarn").isNull()).isTrue();
        assertThat(d.get("subErrorId").asInt()).isEqualTo(2);
        assertThat(d.get("sipStatus").asInt()).isEqualTo(504);
    }

    @Test
    void aTeamsDiagnosticHasItsTeamsObjectAndOthersHaveNull() throws Exception {
        // GIVEN the admin center pair and the seed decoded by the real decoder
        io.icewarn.decoder.Decoder decoder = io.icewarn.decoder.Decoder.standard();
        DecodeResult teams = decoder.decode("Final SIP code: 403, Final Microsoft subcode: 510559");
        // WHEN written as JSON
        JsonNode root = mapper.readTree(new JsonOutput()
                .render(List.of(
                        JsonOutput.Input.decoded("teams.txt", teams),
                        JsonOutput.Input.decoded("seed.txt", Fixtures.seed24()))));
        JsonNode d = root.get("diagnostics").get(0);
        // THEN the common keys carry the Teams reading and the teams object its parts
        assertThat(d.get("header").asText()).isEqualTo("teams-direct-routing");
        assertThat(d.get("code").asInt()).isEqualTo(510559);
        assertThat(d.get("sipStatus").asInt()).isEqualTo(403);
        assertThat(d.get("shape").asText()).isEqualTo("teams-report");
        assertThat(d.get("fields").get("Final Microsoft subcode").asText()).isEqualTo("510559");
        assertThat(d.get("codeInfo").get("known").asBoolean()).isTrue();
        JsonNode t = d.get("teams");
        assertThat(t.get("microsoftCode").asInt()).isEqualTo(510559);
        assertThat(t.get("documented").asBoolean()).isTrue();
        assertThat(t.get("origin").asText()).isEqualTo("microsoft");
        assertThat(t.get("structure").get("module").asInt()).isEqualTo(1);
        assertThat(t.get("structure").get("detailIsSipCode").asBoolean()).isFalse();
        assertThat(t.get("sipCode").asInt()).isEqualTo(403);
        assertThat(t.get("sipPhrase").asText()).isEqualTo("Forbidden");
        assertThat(t.get("q850").isNull()).isTrue();
        assertThat(t.get("matchedCode").isNull()).isTrue();
        assertThat(d.get("checklist").get(0).get("rule").asText()).isEqualTo("teams-voice-route");
        assertThat(root.get("diagnostics").get(1).get("teams").isNull()).isTrue();
    }

    @Test
    void nothingFoundAndUnreadableInputsAreStillOneDocument() throws Exception {
        // GIVEN an empty decode and an unreadable input WHEN written
        JsonNode root = mapper.readTree(new JsonOutput()
                .render(List.of(
                        JsonOutput.Input.decoded("a.txt", Fixtures.nothing()),
                        JsonOutput.Input.failed("b.bin", "looks binary"))));
        // THEN the document has empty diagnostics and one error
        assertThat(root.get("diagnostics")).isEmpty();
        assertThat(root.get("errors").get(0).get("input").asText()).isEqualTo("b.bin");
    }

    @Test
    void aRealDecodeKeepsTheSummaryTheBitsInContextTheMergedStepsAndTheRemarks() throws Exception {
        // GIVEN the seed decoded by the real decoder WHEN written
        io.icewarn.decoder.Decoder decoder = io.icewarn.decoder.Decoder.standard();
        JsonNode d = mapper.readTree(new JsonOutput()
                        .render(List.of(JsonOutput.Input.decoded("seed.txt", decoder.decode(Fixtures.SEED_24)))))
                .get("diagnostics")
                .get(0);
        // THEN nothing the short answer leaves out is lost
        assertThat(d.get("summary").asText()).startsWith("Application sharing failed");
        JsonNode bit200 = d.get("iceWarn").get("flags").get(2);
        assertThat(bit200.get("bit").asText()).isEqualTo("0x200");
        assertThat(bit200.get("expectation").asText()).isEqualTo("expected");
        assertThat(bit200.get("inContext").asText()).isEqualTo("problem");
        assertThat(bit200.get("contextNote").asText()).contains("TCP only");
        assertThat(d.get("checklist").get(0).get("merged").get(0).get("rule").asText())
                .isEqualTo("sharing-needs-tcp");
        assertThat(d.get("remarks").get(0).get("rule").asText()).isEqualTo("direct-path-note");
        assertThat(d.get("codeInfo").get("situation").asText()).isEqualTo("both parties outside the network");
        assertThat(d.get("callId").isNull()).isTrue();
    }

    @Test
    void theDocumentMatchesTheGoldenFile() {
        // GIVEN a client and a server diagnostic, a problem, an empty decode and an unreadable input
        DecodeResult withProblem = new DecodeResult(
                Fixtures.server1008().diagnostics(),
                List.of(new Problem(34, "A quote opened here is not closed; the value was read up to the text.")));
        // WHEN written as one document
        String json = new JsonOutput()
                .render(List.of(
                        JsonOutput.Input.decoded("seed.txt", Fixtures.seed24()),
                        JsonOutput.Input.decoded("server.log", withProblem),
                        JsonOutput.Input.decoded("empty.txt", Fixtures.nothing()),
                        JsonOutput.Input.failed("b.bin", "looks binary")));
        // THEN it is the golden file: first written by the object-mapper version this writer replaced (the same
        // keys, order, nulls, indentation and escaping), since extended with summary, callId, inContext,
        // contextNote, situation, merged, remarks and teams
        Golden.assertMatches("json-document.json", json);
    }
}
