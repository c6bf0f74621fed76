package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.protobuf.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's declared state (the caller-owned fields of its last write) and the status the
 * emulator derives: revisions, rollout progress and the last routes that became ready.
 */
final class StoredService {
  Service spec;
  final String uid;
  final Timestamp createTime;
  Timestamp updateTime;
  long generation = 1;
  String etag;
  String latestCreatedRevision = "";
  String latestReadyRevision = "";
  List<TrafficTargetStatus> trafficStatuses = List.of();
  long observedGeneration;

  /** True while the current generation's routes wait for their revisions. */
  boolean rolloutPending = true;

  Condition terminalCondition;

  /** How each generation's rollout ended: null message for success. */
  final Map<Long, String> settledGenerations = new HashMap<>();

  StoredService(Service spec, String uid, Timestamp createTime) {
    this.spec = spec;
    this.uid = uid;
    this.createTime = createTime;
    this.updateTime = createTime;
  }
}
