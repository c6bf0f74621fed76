package dev.runwright.operator.gcp.gapic;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import com.google.type.Expr;
import dev.runwright.operator.gcp.IamBinding;
import dev.runwright.operator.gcp.IamCondition;
import dev.runwright.operator.gcp.IamPolicy;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;

/**
 * Maps IAM policies of GAPIC clients ({@code google.iam.v1.Policy}); the etag travels as base64
 * text.
 */
public final class IamPolicyMapper {

  private IamPolicyMapper() {}

  public static IamPolicy fromProto(Policy policy) {
    return new IamPolicy(
        policy.getVersion(),
        policy.getBindingsList().stream()
            .map(
                b ->
                    new IamBinding(
                        b.getRole(),
                        new HashSet<>(b.getMembersList()),
                        b.hasCondition()
                            ? Optional.of(
                                new IamCondition(
                                    b.getCondition().getExpression(),
                                    b.getCondition().getTitle(),
                                    b.getCondition().getDescription()))
                            : Optional.empty()))
            .toList(),
        Base64.getEncoder().encodeToString(policy.getEtag().toByteArray()));
  }

  public static Policy toProto(IamPolicy policy) {
    Policy.Builder proto =
        Policy.newBuilder()
            .setVersion(policy.version())
            .setEtag(ByteString.copyFrom(Base64.getDecoder().decode(policy.etag())));
    for (IamBinding binding : policy.bindings()) {
      Binding.Builder b =
          Binding.newBuilder()
              .setRole(binding.role())
              .addAllMembers(binding.members().stream().sorted().toList());
      binding
          .condition()
          .ifPresent(
              c ->
                  b.setCondition(
                      Expr.newBuilder()
                          .setExpression(c.expression())
                          .setTitle(c.title())
                          .setDescription(c.description())));
      proto.addBindings(b);
    }
    return proto.build();
  }
}
