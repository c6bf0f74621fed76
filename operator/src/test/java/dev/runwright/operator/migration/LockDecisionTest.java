package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.migration.LockDecision.LockHolder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockDecisionTest {
  private static final LockHolder ME = new LockHolder("a", "uid-a", "exec-a");
  private static final LockHolder OTHER = new LockHolder("b", "uid-b", "exec-b");

  @Test
  void aFreeLockIsTaken() {
    assertThat(LockDecision.decide(Optional.empty(), ME, h -> true, h -> true))
        .isEqualTo(new LockDecision.Take(false));
  }

  @Test
  void theHolderKeepsItAlsoForAnotherExecution() {
    LockHolder meEarlier = new LockHolder("a", "uid-a", "exec-old");

    assertThat(LockDecision.decide(Optional.of(meEarlier), ME, h -> true, h -> true))
        .isEqualTo(new LockDecision.Held());
  }

  @Test
  void anotherLiveHolderMakesUsWaitWithAClearReason() {
    LockDecision decision = LockDecision.decide(Optional.of(OTHER), ME, h -> true, h -> false);

    assertThat(decision).isInstanceOf(LockDecision.Wait.class);
    assertThat(((LockDecision.Wait) decision).why())
        .contains("MigrationJob b is migrating the same database (execution exec-b)");
  }

  @Test
  void aDeletedHolderWhoseExecutionStillRunsIsWaitedFor() {
    LockDecision decision = LockDecision.decide(Optional.of(OTHER), ME, h -> false, h -> true);

    assertThat(decision).isInstanceOf(LockDecision.Wait.class);
    assertThat(((LockDecision.Wait) decision).why()).contains("was deleted while its execution");
  }

  @Test
  void aDeletedHolderWithAFinishedExecutionIsTakenOver() {
    assertThat(LockDecision.decide(Optional.of(OTHER), ME, h -> false, h -> false))
        .isEqualTo(new LockDecision.Take(true));
  }

  @Test
  void aRecreatedResourceOfTheSameNameIsAnotherHolder() {
    LockHolder previousIncarnation = new LockHolder("a", "uid-old", "exec-a");

    assertThat(LockDecision.decide(Optional.of(previousIncarnation), ME, h -> false, h -> false))
        .isEqualTo(new LockDecision.Take(true));
  }
}
