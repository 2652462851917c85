package nl.adreszicht.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest under infra/k8s parses into a typed model and nothing is left over: Kubernetes' own kinds into the
 * fabric8 kubernetes-model (an unknown field lands in a model's additional properties, which must stay empty), the
 * operators' kinds into {@link CustomResources} with unknown fields refused, the realm into Keycloak's own
 * {@code RealmRepresentation}. An unknown kind fails; so does a kustomization that names a file that is not there.
 * Then what issue 13 asks of the deployment is checked on the parsed objects.
 */
class ManifestsTest {

    private static final Path K8S =
            Path.of(System.getProperty("adreszicht.project-root", "../..")).resolve("infra/k8s");

    private static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CustomResources.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CustomResources.ScheduledBackup.class),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", CustomResources.Keycloak.class),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", CustomResources.KeycloakRealmImport.class));

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Test
    void everyManifestParsesIntoItsTypedModelWithNothingLeftOver() throws IOException {
        List<Object> parsed = all();
        assertThat(parsed).hasSizeGreaterThan(15);
    }

    @Test
    void everyKustomizationNamesFilesThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                CustomResources.Kustomization kustomization =
                        yaml.readValue(file.toFile(), CustomResources.Kustomization.class);
                assertThat(kustomization.kind()).isEqualTo("Kustomization");
                List<String> referenced = new ArrayList<>();
                if (kustomization.resources() != null) {
                    referenced.addAll(kustomization.resources());
                }
                if (kustomization.patches() != null) {
                    kustomization.patches().stream()
                            .filter(patch -> patch.path() != null)
                            .forEach(patch -> referenced.add(patch.path()));
                }
                assertThat(referenced).as(file.toString()).isNotEmpty();
                for (String name : referenced) {
                    assertThat(file.resolveSibling(name))
                            .as(file + " names " + name)
                            .exists();
                }
            }
        }
    }

    @Test
    void theApplicationRunsAsIssue13Asks() throws IOException {
        List<Object> base = parse(K8S.resolve("base"));
        Deployment deployment = one(base, Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        Container app =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(app.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(app.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("room for the 5 s drain and 20 s of graceful shutdown")
                .isGreaterThanOrEqualTo(30);
        ConfigMap config = one(base, ConfigMap.class);
        assertThat(config.getData())
                .containsEntry("MANAGEMENT_SERVER_PORT", "9090")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");

        assertThat(one(base, PodDisruptionBudget.class)
                        .getSpec()
                        .getMinAvailable()
                        .getIntVal())
                .isGreaterThanOrEqualTo(1);
        assertThat(one(base, HorizontalPodAutoscaler.class).getSpec().getMinReplicas())
                .isGreaterThanOrEqualTo(2);

        NetworkPolicy policy = one(base, NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress())
                .as("only the ingress controller on the public port, monitoring on the management port")
                .hasSize(2);

        Ingress ingress = one(base, Ingress.class);
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
        assertThat(ingress.getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths()
                        .get(0)
                        .getBackend()
                        .getService()
                        .getPort()
                        .getName())
                .isEqualTo("http");

        CustomResources.Cluster database = base.stream()
                .filter(CustomResources.Cluster.class::isInstance)
                .map(CustomResources.Cluster.class::cast)
                .filter(cluster -> cluster.metadata().getName().equals("adreszicht-db"))
                .findFirst()
                .orElseThrow();
        assertThat(database.spec().instances()).isEqualTo(3);
        assertThat(database.spec().postgresql().synchronous().number()).isGreaterThanOrEqualTo(1);
        assertThat(database.spec().postgresql().synchronous().method()).isIn("any", "first");
        assertThat(database.spec().postgresql().synchronous().dataDurability()).isEqualTo("required");
        assertThat(database.spec().backup().barmanObjectStore().destinationPath())
                .startsWith("s3://");
        assertThat(database.spec().backup().barmanObjectStore().wal().encryption())
                .isNotBlank();
        assertThat(base.stream()
                        .filter(CustomResources.ScheduledBackup.class::isInstance)
                        .map(CustomResources.ScheduledBackup.class::cast)
                        .map(backup -> backup.spec().cluster().name()))
                .contains("adreszicht-db", "keycloak-db");
        assertThat(base.stream()
                        .filter(CustomResources.ScheduledBackup.class::isInstance)
                        .map(CustomResources.ScheduledBackup.class::cast)
                        .map(backup -> backup.spec().schedule().split(" ").length))
                .as("CloudNativePG schedules have six fields, seconds first")
                .containsOnly(6);

        CustomResources.Keycloak keycloak = one(base, CustomResources.Keycloak.class);
        assertThat(keycloak.spec().instances()).isEqualTo(2);
        assertThat(keycloak.spec().db().host()).isEqualTo("keycloak-db-rw");
        CustomResources.KeycloakRealmImport realm = one(base, CustomResources.KeycloakRealmImport.class);
        assertThat(realm.spec().keycloakCRName()).isEqualTo(keycloak.metadata().getName());
        assertThat(realm.spec().realm().getUsers())
                .as("no demo users in a production realm")
                .isNullOrEmpty();
        assertThat(realm.spec().realm().getClients())
                .extracting(client -> client.getClientId())
                .containsExactly("adreszicht-web");
        assertThat(realm.spec().realm().getClients().get(0).getSecret()).isEqualTo("${ADRESZICHT_WEB_CLIENT_SECRET}");
    }

    @Test
    void aFieldInTheWrongPlaceOrAnUnknownKindIsRefused() {
        String misplaced = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replicas: 2
                  terminationGracePeriodSeconds: 45
                """;
        String deepTypo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          readinesProbe:
                            periodSeconds: 5
                """;
        String cnpgTypo = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: x
                spec:
                  instance: 3
                """;
        String unknownKind = """
                apiVersion: example.org/v1
                kind: Database
                metadata:
                  name: x
                """;
        for (String manifest : List.of(misplaced, deepTypo, cnpgTypo, unknownKind)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parseDocument(manifest, "example"))
                    .isInstanceOf(AssertionError.class);
        }
    }

    private List<Object> all() throws IOException {
        return parse(K8S);
    }

    private List<Object> parse(Path directory) throws IOException {
        List<Object> parsed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList()) {
                for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
                    if (!document.isBlank()) {
                        parsed.add(parseDocument(document, file.toString()));
                    }
                }
            }
        }
        return parsed;
    }

    private Object parseDocument(String document, String where) {
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(document);
            String key =
                    tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
            Class<?> type = KINDS.get(key);
            if (type == null) {
                throw new AssertionError(where + ": unknown kind " + key);
            }
            Object parsed = yaml.treeToValue(tree, type);
            List<String> leftOver = new ArrayList<>();
            leftOvers(parsed, "", leftOver, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
            if (!leftOver.isEmpty()) {
                throw new AssertionError(where + ": fields the " + key + " model does not have: " + leftOver);
            }
            if (parsed instanceof HasMetadata resource && resource.getMetadata().getName() == null) {
                throw new AssertionError(where + ": no metadata.name");
            }
            return parsed;
        } catch (IOException e) {
            throw new AssertionError(where + ": " + e.getMessage(), e);
        }
    }

    /** Any non-empty {@code getAdditionalProperties()} in the fabric8 object graph is a field the model lacks. */
    private static void leftOvers(Object node, String path, List<String> found, Set<Object> seen) {
        if (node == null
                || node instanceof String
                || node instanceof Number
                || node instanceof Boolean
                || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                leftOvers(element, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> leftOvers(value, path + "." + key, found, seen));
            return;
        }
        String packageName = node.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8") && !packageName.startsWith("nl.adreszicht")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || node.getClass().isRecord())) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        found.add(path + " " + extra.keySet());
                    }
                } else {
                    leftOvers(value, path + "." + getter.getName(), found, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static <T> T one(List<Object> parsed, Class<T> type) {
        List<T> matching =
                parsed.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as(type.getSimpleName()).hasSize(1);
        return matching.get(0);
    }
}
