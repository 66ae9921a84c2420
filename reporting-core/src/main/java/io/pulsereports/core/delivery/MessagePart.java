package io.pulsereports.core.delivery;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A binary part of a message: a CSV attachment, or an inline chart whose {@code name} is the
 * content id the HTML refers to ({@code <img src="cid:NAME">}).
 */
public record MessagePart(String name, String mediaType, byte[] content) {

  public MessagePart {
    requireNonNull(name, "name");
    checkArgument(name.matches("[A-Za-z0-9._-]+"), "part name '%s' has unsafe characters", name);
    requireNonNull(mediaType, "mediaType");
    content = requireNonNull(content, "content").clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }
}
