package uz.inson.assess.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests the build writes (quarkus-kubernetes, after {@code package}) are what an operator applies:
 * probes on the health endpoints the service has, resources, configuration and credentials only by reference, a
 * signing key shared by every pod, an autoscaler and a disruption budget aimed at the Deployment's own pods.
 */
class KubernetesManifestsIT {
    private static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");
    private static List<JsonNode> resources;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).readValues(MANIFESTS.toFile())) {
            resources = new ArrayList<>();
            documents.forEachRemaining(d -> resources.add((JsonNode) d));
        }
    }

    private static JsonNode one(String kind) {
        List<JsonNode> found = resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
        assertEquals(1, found.size(), "exactly one " + kind + " in " + MANIFESTS);
        return found.get(0);
    }

    private static JsonNode container() {
        JsonNode containers = one("Deployment").at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    @Test
    void probesAskTheServicesOwnHealthEndpoints() {
        JsonNode container = container();
        int port = container.at("/ports/0/containerPort").asInt();
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(port, container.at("/readinessProbe/httpGet/port").asInt());
        assertEquals(port, container.at("/livenessProbe/httpGet/port").asInt());
        // the rule set compiles at start: the start may take longer than a liveness failure allows
        JsonNode startup = container.path("startupProbe");
        assertTrue(startup.path("failureThreshold").asInt() * startup.path("periodSeconds").asInt() >= 120, "startup allowed at least 2 minutes");
    }

    @Test
    void everyPodHasResourcesAndAtLeastTwoRun() {
        JsonNode resources = container().path("resources");
        for (String field : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertFalse(resources.at(field).asText().isBlank(), field);
        }
        assertTrue(one("Deployment").at("/spec/replicas").asInt() >= 2);
    }

    @Test
    void configurationAndCredentialsComeByReferenceToResourcesThatExist() {
        JsonNode container = container();
        List<String> configMaps = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        container.path("envFrom").forEach(from -> {
            if (from.has("configMapRef")) {
                configMaps.add(from.at("/configMapRef/name").asText());
            }
            if (from.has("secretRef")) {
                secrets.add(from.at("/secretRef/name").asText());
            }
        });
        assertEquals(List.of(one("ConfigMap").at("/metadata/name").asText()), configMaps);
        assertTrue(one("ConfigMap").path("data").has("QUARKUS_DATASOURCE_JDBC_URL"));
        // the credentials' Secret is the operator's, created once: the file names it and carries no password of its own
        assertEquals(List.of("inson-assess-secrets"), secrets);
        assertTrue(resources.stream().noneMatch(r -> r.path("kind").asText().equals("Secret")));
        // no credential is written into the Deployment itself
        StreamSupport.stream(container.path("env").spliterator(), false).map(e -> e.path("name").asText())
                .forEach(name -> assertFalse(name.contains("PASSWORD"), name));
    }

    @Test
    void everyPodSignsTokensWithTheSameKeyFromASecret() {
        JsonNode pod = one("Deployment").at("/spec/template/spec");
        JsonNode container = container();
        Map<String, String> env = new java.util.HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        String mount = container.at("/volumeMounts/0/mountPath").asText();
        assertTrue(env.get("SMALLRYE_JWT_SIGN_KEY_LOCATION").startsWith(mount + "/"));
        assertTrue(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").startsWith(mount + "/"));
        assertEquals("inson-assess-signing-key", pod.at("/volumes/0/secret/secretName").asText());
    }

    @Test
    void theAutoscalerAndTheDisruptionBudgetAimAtTheDeployment() {
        JsonNode deployment = one("Deployment");
        String name = deployment.at("/metadata/name").asText();
        JsonNode hpa = one("HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.at("/apiVersion").asText());
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(name, hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2);
        assertTrue(hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt());

        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode budget = one("PodDisruptionBudget");
        budget.at("/spec/selector/matchLabels").fields()
                .forEachRemaining(label -> assertEquals(label.getValue().asText(), podLabels.path(label.getKey()).asText(), label.getKey()));
        assertTrue(budget.at("/spec/minAvailable").asInt() >= 1);
        assertTrue(budget.at("/spec/minAvailable").asInt() < deployment.at("/spec/replicas").asInt(), "a node can be drained");
    }
}
