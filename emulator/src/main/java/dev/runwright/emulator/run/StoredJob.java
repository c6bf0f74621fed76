package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Job;
import com.google.protobuf.Timestamp;

/** A job's declared state and bookkeeping: generation, etag, executions started so far. */
final class StoredJob {
  Job spec;
  final String uid;
  final Timestamp createTime;
  Timestamp updateTime;
  long generation = 1;
  String etag;
  int executionCount;
  String latestExecution = "";

  StoredJob(Job spec, String uid, Timestamp createTime) {
    this.spec = spec;
    this.uid = uid;
    this.createTime = createTime;
    this.updateTime = createTime;
  }
}
