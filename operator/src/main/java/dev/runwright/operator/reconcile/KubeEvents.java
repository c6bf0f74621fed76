package dev.runwright.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Kubernetes Events ({@code events.k8s.io/v1}) about a resource: one for every change the
 * operator makes to Google resources and every failure. The same event repeated is counted on one
 * object (as client-go's correlator does), so a failure retried with backoff does not flood the
 * namespace. Messages must never contain secrets; callers pass Google's messages and names.
 */
public final class KubeEvents {
  public static final String REPORTING_CONTROLLER = "runwright.dev/operator";

  private static final Logger LOG = LoggerFactory.getLogger(KubeEvents.class);
  private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
          .withZone(java.time.ZoneOffset.UTC);
  private static final int MAX_NOTE = 1024;

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;

  /**
   * @param instance the reporting instance (e.g. the pod name), shown as the event's source
   */
  public KubeEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /** Something changed as intended, e.g. an instance was created. */
  public void normal(HasMetadata resource, String reason, String action, String note) {
    publish(resource, "Normal", reason, action, note);
  }

  /** Something failed or needs attention. */
  public void warning(HasMetadata resource, String reason, String action, String note) {
    publish(resource, "Warning", reason, action, note);
  }

  private void publish(
      HasMetadata resource, String type, String reason, String action, String note) {
    if (!CAMEL_CASE.matcher(reason).matches() || !CAMEL_CASE.matcher(action).matches()) {
      throw new IllegalArgumentException("event reason and action must be CamelCase");
    }
    String namespace = resource.getMetadata().getNamespace();
    String name = eventName(resource, type, reason, note);
    String text = note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 3) + "...";
    Instant now = Instant.now(clock);
    try {
      var events = client.events().v1().events().inNamespace(namespace);
      Event existing = events.withName(name).get();
      if (existing == null) {
        events
            .resource(
                new EventBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .endMetadata()
                    .withType(type)
                    .withReason(reason)
                    .withAction(action)
                    .withNote(text)
                    .withEventTime(new MicroTime(MICRO_TIME.format(now)))
                    .withReportingController(REPORTING_CONTROLLER)
                    .withReportingInstance(instance)
                    .withRegarding(
                        new ObjectReferenceBuilder()
                            .withApiVersion(resource.getApiVersion())
                            .withKind(resource.getKind())
                            .withNamespace(namespace)
                            .withName(resource.getMetadata().getName())
                            .withUid(resource.getMetadata().getUid())
                            .withResourceVersion(resource.getMetadata().getResourceVersion())
                            .build())
                    .build())
            .create();
      } else {
        events
            .withName(name)
            .edit(
                e -> {
                  int count =
                      e.getSeries() == null || e.getSeries().getCount() == null
                          ? 1
                          : e.getSeries().getCount();
                  e.setSeries(
                      new io.fabric8.kubernetes.api.model.events.v1.EventSeriesBuilder()
                          .withCount(count + 1)
                          .withLastObservedTime(
                              new MicroTime(MICRO_TIME.format(now.truncatedTo(ChronoUnit.MICROS))))
                          .build());
                  return e;
                });
      }
    } catch (KubernetesClientException e) {
      // Events are best effort: a lost event must not fail or repeat the reconcile.
      LOG.warn("Cannot publish event {} {}: {}", type, reason, e.getMessage());
    }
  }

  /** Same resource, type, reason and note: the same event object, counted. */
  private static String eventName(HasMetadata resource, String type, String reason, String note) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String key = resource.getMetadata().getUid() + "|" + type + "|" + reason + "|" + note;
      String hash =
          HexFormat.of()
              .formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 12);
      String base = resource.getMetadata().getName();
      base = base.length() > 200 ? base.substring(0, 200) : base;
      return base + "." + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
