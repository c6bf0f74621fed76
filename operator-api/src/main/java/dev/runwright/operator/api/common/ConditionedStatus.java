package dev.runwright.operator.api.common;

import java.util.List;

/**
 * The part every Runwright status shares (conditions and observedGeneration), so one conditions
 * writer serves all three kinds.
 */
public interface ConditionedStatus {
  Long getObservedGeneration();

  void setObservedGeneration(Long observedGeneration);

  List<Condition> getConditions();

  void setConditions(List<Condition> conditions);
}
