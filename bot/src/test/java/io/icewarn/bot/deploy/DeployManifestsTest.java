package io.icewarn.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Checks that the files in deploy/ parse and carry the fields operators rely on. */
final class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    private static final Path BASE = DEPLOY.resolve("k8s/base");
    private static final ObjectMapper YAML = new YAMLMapper();

    private static List<JsonNode> readAll(Path file) throws IOException {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isMissingNode() && !d.isNull()) {
                    docs.add(d);
                }
            });
            return docs;
        }
    }

    private static List<JsonNode> readAll(String yaml) throws IOException {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
            return docs;
        }
    }

    private static JsonNode only(Path file, String kind) throws IOException {
        List<JsonNode> docs = readAll(file).stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
        assertThat(docs).as("%s in %s", kind, file).hasSize(1);
        return docs.get(0);
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static JsonNode botContainer(JsonNode statefulSet) {
        return stream(statefulSet.at("/spec/template/spec/containers"))
                .filter(c -> c.path("name").asText().equals("bot"))
                .findFirst()
                .orElseThrow();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = walk.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        for (Path file : files) {
            assertThat(readAll(file)).as("%s", file).isNotEmpty();
        }
    }

    @Test
    void kustomization_listsEveryManifestButTheExampleSecret() throws IOException {
        JsonNode k = readAll(BASE.resolve("kustomization.yaml")).get(0);
        List<String> resources =
                stream(k.path("resources")).map(JsonNode::asText).toList();
        assertThat(resources)
                .containsExactlyInAnyOrder(
                        "serviceaccount.yaml", "statefulset.yaml", "service.yaml", "pdb.yaml", "networkpolicy.yaml")
                .doesNotContain("secret.example.yaml", "secret.database.example.yaml");
        assertThat(k.toString()).contains("env.[name=ICEWARN_REPLICAS].value", "spec.replicas");
    }

    @Test
    void statefulSet_probesResourcesSecurityAndShardWiring() throws IOException {
        JsonNode ss = only(BASE.resolve("statefulset.yaml"), "StatefulSet");
        JsonNode pod = ss.at("/spec/template/spec");
        JsonNode bot = botContainer(ss);

        // ordered start is what keeps pods within max_concurrency
        assertThat(ss.at("/spec/podManagementPolicy").asText()).isEqualTo("OrderedReady");
        assertThat(ss.at("/spec/serviceName").asText()).isEqualTo("icewarn");

        assertThat(bot.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(bot.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(bot.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(stream(bot.path("ports")).map(p -> p.path("containerPort").asInt()))
                .contains(8080);

        for (String path : List.of(
                "/resources/requests/cpu",
                "/resources/requests/memory",
                "/resources/limits/cpu",
                "/resources/limits/memory")) {
            assertThat(bot.at(path).isMissingNode()).as(path).isFalse();
        }

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode sc = bot.path("securityContext");
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(sc.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(stream(sc.at("/capabilities/drop")).map(JsonNode::asText)).containsExactly("ALL");
        assertThat(sc.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");

        Map<String, JsonNode> env = env(bot);
        assertThat(env).doesNotContainKey("DISCORD_TOKEN");
        assertThat(env.get("ICEWARN_REPLICA_INDEX").path("value").asText()).isEqualTo("from-hostname");
        assertThat(env.get("HOSTNAME").at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("metadata.name");
        assertThat(env.get("ICEWARN_SHARDS_TOTAL").path("value").asInt()).isPositive();
        assertThat(env.get("ICEWARN_REPLICAS").path("value").asText())
                .isEqualTo(ss.at("/spec/replicas").asText());
        assertThat(env.get("ICEWARN_HTTP_PORT").path("value").asText()).isEqualTo("8080");
        String tokenFile = env.get("DISCORD_TOKEN_FILE").path("value").asText();

        // the token: a Secret volume, mounted read-only where DISCORD_TOKEN_FILE points
        JsonNode tokenVolume = stream(pod.path("volumes"))
                .filter(v -> v.has("secret"))
                .findFirst()
                .orElseThrow();
        assertThat(tokenVolume.at("/secret/secretName").asText()).isEqualTo("icewarn-discord");
        JsonNode mount = stream(bot.path("volumeMounts"))
                .filter(m ->
                        m.path("name").asText().equals(tokenVolume.path("name").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        String item = tokenVolume.at("/secret/items/0/path").asText();
        assertThat(tokenFile).isEqualTo(mount.path("mountPath").asText() + "/" + item);

        // several pods share state through PostgreSQL: URL and user from the Secret, the password as a file
        assertThat(env.get("ICEWARN_DATABASE_URL")
                        .at("/valueFrom/secretKeyRef/name")
                        .asText())
                .isEqualTo("icewarn-database");
        assertThat(env.get("ICEWARN_DATABASE_URL")
                        .at("/valueFrom/secretKeyRef/key")
                        .asText())
                .isEqualTo("url");
        assertThat(env).doesNotContainKey("ICEWARN_DATABASE_PASSWORD");
        JsonNode passwordVolume = stream(pod.path("volumes"))
                .filter(v -> v.at("/secret/secretName").asText().equals("icewarn-database"))
                .findFirst()
                .orElseThrow();
        JsonNode passwordMount = stream(bot.path("volumeMounts"))
                .filter(m -> m.path("name")
                        .asText()
                        .equals(passwordVolume.path("name").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(passwordMount.path("readOnly").asBoolean()).isTrue();
        assertThat(env.get("ICEWARN_DATABASE_PASSWORD_FILE").path("value").asText())
                .isEqualTo(passwordMount.path("mountPath").asText() + "/"
                        + passwordVolume.at("/secret/items/0/path").asText());

        // the only writable path: /tmp
        assertThat(stream(bot.path("volumeMounts")).map(m -> m.path("mountPath").asText()))
                .contains("/tmp");
        assertThat(ss.at("/spec/template/metadata/annotations/prometheus.io~1scrape")
                        .asText())
                .isEqualTo("true");
    }

    @Test
    void pdbNetworkPolicyServiceAccountAndServices() throws IOException {
        JsonNode pdb = only(BASE.resolve("pdb.yaml"), "PodDisruptionBudget");
        assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText())
                .isEqualTo("icewarn");

        JsonNode np = only(BASE.resolve("networkpolicy.yaml"), "NetworkPolicy");
        assertThat(stream(np.at("/spec/policyTypes")).map(JsonNode::asText))
                .containsExactlyInAnyOrder("Ingress", "Egress");
        List<String> egress = stream(np.at("/spec/egress"))
                .peek(rule -> assertThat(rule.has("to"))
                        .as("egress to any address, by port only")
                        .isFalse())
                .flatMap(rule -> stream(rule.path("ports")))
                .map(p -> p.path("protocol").asText() + "/" + p.path("port").asText())
                .toList();
        assertThat(egress).containsExactlyInAnyOrder("TCP/443", "TCP/5432", "UDP/53", "TCP/53");
        List<String> ingress = stream(np.at("/spec/ingress"))
                .flatMap(rule -> stream(rule.path("ports")))
                .map(p -> p.path("protocol").asText() + "/" + p.path("port").asText())
                .toList();
        assertThat(ingress).containsExactly("TCP/8080");

        JsonNode sa = only(BASE.resolve("serviceaccount.yaml"), "ServiceAccount");
        assertThat(sa.path("automountServiceAccountToken").asBoolean(true)).isFalse();

        List<JsonNode> services = readAll(BASE.resolve("service.yaml"));
        assertThat(services)
                .extracting(s -> s.at("/metadata/name").asText())
                .containsExactly("icewarn", "icewarn-metrics");
        assertThat(services.get(0).at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(services.get(1)
                        .at("/metadata/annotations/prometheus.io~1path")
                        .asText())
                .isEqualTo("/metrics");
    }

    @Test
    void compose_healthcheckRestartEnvFileReadOnly() throws IOException {
        JsonNode compose = readAll(DEPLOY.resolve("compose.yaml")).get(0);
        JsonNode bot = compose.at("/services/bot");
        assertThat(bot.path("env_file").asText()).isEqualTo(".env");
        assertThat(bot.path("restart").asText()).isEqualTo("unless-stopped");
        assertThat(bot.at("/healthcheck/test").toString()).contains("/app/healthcheck.sh");
        assertThat(bot.path("read_only").asBoolean()).isTrue();
        assertThat(bot.path("tmpfs").toString()).contains("/tmp");
        assertThat(bot.at("/environment/DISCORD_TOKEN_FILE").asText()).startsWith("/run/secrets/");
        assertThat(bot.at("/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile");
        // state on a volume by default; PostgreSQL optional under its own profile
        assertThat(bot.path("volumes").toString()).contains(":/data");
        assertThat(bot.at("/depends_on/postgres/required").asBoolean(true)).isFalse();
        assertThat(stream(compose.at("/services/postgres/profiles")).map(JsonNode::asText))
                .containsExactly("postgres");
        JsonNode prometheus = compose.at("/services/prometheus");
        assertThat(stream(prometheus.path("profiles")).map(JsonNode::asText)).containsExactly("metrics");
        assertThat(readAll(DEPLOY.resolve("prometheus.yml")).get(0).toString()).contains("bot:8080");
    }

    @Test
    void systemdUnit_hardened() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("systemd/icewarn.service"), StandardCharsets.UTF_8);
        assertThat(lines)
                .contains(
                        "User=icewarn",
                        "NoNewPrivileges=yes",
                        "ProtectSystem=strict",
                        "PrivateTmp=yes",
                        "ProtectHome=yes",
                        "EnvironmentFile=/etc/icewarn/icewarn.env",
                        "Environment=DISCORD_TOKEN_FILE=%d/discord-token",
                        "StateDirectory=icewarn",
                        "Environment=ICEWARN_DATA_DIR=%S/icewarn",
                        // a bad setting (2) or a refused login (3) is not retried; no network (1) is
                        "Restart=on-failure",
                        "RestartPreventExitStatus=2 3")
                .anyMatch(l -> l.startsWith("ExecStart=/usr/bin/java ") && l.endsWith("-jar /opt/icewarn/icewarn.jar"))
                .noneMatch(l -> l.contains("DISCORD_TOKEN="));
    }

    @Test
    void dockerfile_twoStagesNonRootHealthcheck() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.startsWith("#"))
                .toList();
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).hasSize(2);
        assertThat(lines).contains("ARG BASE_IMAGE=eclipse-temurin:17-jre");
        assertThat(lines).anyMatch(l -> l.startsWith("RUN ./mvnw -B"));
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        assertThat(user).isNotIn("root", "0", "0:0").doesNotStartWith("root:").doesNotStartWith("0:");
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/app/healthcheck.sh"));
        assertThat(lines)
                .anyMatch(l -> l.contains("-XX:MaxRAMPercentage=75") && l.contains("-XX:+ExitOnOutOfMemoryError"));
        assertThat(lines).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/icewarn.jar\"]");
        assertThat(lines).contains("ICEWARN_DATA_DIR=/data", "VOLUME [\"/tmp\", \"/data\"]");
        assertThat(Files.readString(DEPLOY.resolve("../.dockerignore"))).contains("**/.env", "**/target/");
    }

    @Test
    void renderedOverlay_keepsReplicasAndEnvInStep() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl not installed: rendering checked by deploy/check.sh where available");
        for (String dir : List.of("k8s/base", "k8s/overlays/four-pods")) {
            Process p = new ProcessBuilder(
                            "kubectl", "kustomize", DEPLOY.resolve(dir).toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            JsonNode ss = readAll(out).stream()
                    .filter(d -> d.path("kind").asText().equals("StatefulSet"))
                    .findFirst()
                    .orElseThrow();
            Map<String, JsonNode> env = env(botContainer(ss));
            int replicas = ss.at("/spec/replicas").asInt();
            assertThat(env.get("ICEWARN_REPLICAS").path("value").asText())
                    .as(dir)
                    .isEqualTo(Integer.toString(replicas));
            assertThat(env.get("ICEWARN_SHARDS_TOTAL").path("value").asInt())
                    .as("%s: every pod needs at least one shard", dir)
                    .isGreaterThanOrEqualTo(replicas);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
