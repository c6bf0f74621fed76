package dev.runwright.operator.gcp;

import java.util.Objects;

/** A CEL condition on an IAM binding; kept so a read-modify-write of a policy never drops it. */
public record IamCondition(String expression, String title, String description) {
  public IamCondition {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
  }
}
