package io.pulsereports.http;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The real template repository, with one hook: a test can have "another writer" change a template
 * between the library's read and its compare-and-set write, which is how two clients updating the
 * same template at once meet in production. Everything else passes straight through.
 */
final class InterleavingTemplateRepository implements TemplateRepository {

  private final TemplateRepository delegate;
  private final AtomicReference<Consumer<ReportTemplate>> beforeNextUpdate = new AtomicReference<>();

  InterleavingTemplateRepository(TemplateRepository delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** Runs {@code otherWriter} once, with the template as the library read it, just before the next update. */
  void beforeNextUpdate(Consumer<ReportTemplate> otherWriter) {
    beforeNextUpdate.set(requireNonNull(otherWriter, "otherWriter"));
  }

  @Override
  public void insert(ReportTemplate template) {
    delegate.insert(template);
  }

  @Override
  public Optional<ReportTemplate> find(UUID id) {
    return delegate.find(id);
  }

  @Override
  public TemplatePage list(TemplateQuery query) {
    return delegate.list(query);
  }

  @Override
  public boolean update(ReportTemplate expected, ReportTemplate updated) {
    Consumer<ReportTemplate> otherWriter = beforeNextUpdate.getAndSet(null);
    if (otherWriter != null) {
      otherWriter.accept(expected);
    }
    return delegate.update(expected, updated);
  }

  @Override
  public boolean delete(UUID id) {
    return delegate.delete(id);
  }
}
