package nl.adreszicht.infra;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The custom resources of infra/k8s as typed models, so that a misspelt or misplaced field fails to parse: the
 * CloudNativePG {@code Cluster} and {@code ScheduledBackup} (postgresql.cnpg.io/v1, operator 1.27) and the Keycloak
 * Operator's {@code Keycloak} and {@code KeycloakRealmImport} (k8s.keycloak.org/v2alpha1, 26.7). Neither operator
 * publishes a Java model or its CRDs on a registry this build can reach, so these records carry the fields of their
 * API references that the manifests use, with the upstream names and nesting; the realm itself is Keycloak's own
 * {@link RealmRepresentation} from keycloak-core. Adding a field to a manifest means adding it here, after checking
 * the operator's API reference.
 */
final class CustomResources {

    private CustomResources() {}

    record SecretName(String name) {}

    record SecretKey(String name, String key) {}

    // postgresql.cnpg.io/v1

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {}

    record ClusterSpec(
            Integer instances,
            String imageName,
            String primaryUpdateStrategy,
            Postgresql postgresql,
            Bootstrap bootstrap,
            Managed managed,
            Storage storage,
            Storage walStorage,
            Affinity affinity,
            ResourceRequirements resources,
            Monitoring monitoring,
            Backup backup) {}

    record Postgresql(Synchronous synchronous, Map<String, String> parameters) {}

    record Synchronous(String method, Integer number, String dataDurability) {}

    record Bootstrap(Initdb initdb) {}

    record Initdb(String database, String owner, SecretName secret) {}

    record Managed(List<Role> roles) {}

    record Role(String name, String ensure, Boolean login, List<String> inRoles, SecretName passwordSecret) {}

    record Storage(String size, String storageClass) {}

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {}

    record Monitoring(Boolean enablePodMonitor) {}

    record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {}

    record BarmanObjectStore(
            String destinationPath,
            String endpointURL,
            S3Credentials s3Credentials,
            Compression wal,
            Compression data) {}

    record S3Credentials(SecretKey accessKeyId, SecretKey secretAccessKey) {}

    record Compression(String compression, String encryption) {}

    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {}

    record ScheduledBackupSpec(
            String schedule, String backupOwnerReference, Boolean immediate, String method, SecretName cluster) {}

    // k8s.keycloak.org/v2alpha1

    record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {}

    record KeycloakSpec(
            Integer instances,
            String image,
            Database db,
            Hostname hostname,
            Http http,
            Proxy proxy,
            Ingress ingress,
            List<Option> additionalOptions,
            ResourceRequirements resources) {}

    record Database(
            String vendor,
            String host,
            Integer port,
            String database,
            SecretKey usernameSecret,
            SecretKey passwordSecret) {}

    record Hostname(String hostname) {}

    record Http(Boolean httpEnabled, String tlsSecret) {}

    record Proxy(String headers) {}

    record Ingress(Boolean enabled, String className, Map<String, String> annotations) {}

    record Option(String name, String value) {}

    record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, RealmImportSpec spec) {}

    record RealmImportSpec(String keycloakCRName, Map<String, Placeholder> placeholders, RealmRepresentation realm) {}

    record Placeholder(SecretKey secret) {}

    // kustomize.config.k8s.io/v1beta1

    record Kustomization(
            String apiVersion,
            String kind,
            String namespace,
            List<Map<String, Map<String, String>>> labels,
            List<String> resources,
            List<Patch> patches) {}

    record Patch(String path, String patch, Map<String, String> target) {}
}
