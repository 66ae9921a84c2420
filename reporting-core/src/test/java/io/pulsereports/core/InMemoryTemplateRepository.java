package io.pulsereports.core;

import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The template repository's contract, in memory, for the core's tests. */
final class InMemoryTemplateRepository implements TemplateRepository {

  private final Map<UUID, ReportTemplate> templates = new LinkedHashMap<>();

  @Override
  public synchronized void insert(ReportTemplate template) {
    templates.put(template.id(), template);
  }

  @Override
  public synchronized Optional<ReportTemplate> find(UUID id) {
    return Optional.ofNullable(templates.get(id));
  }

  @Override
  public synchronized TemplatePage list(TemplateQuery query) {
    List<ReportTemplate> matching = templates.values().stream()
        .filter(t -> query.gymIds().map(gyms -> t.gymId().map(gyms::contains).orElse(true)).orElse(true))
        .filter(t -> query.reportType().map(type -> t.reportType().equals(type)).orElse(true))
        .sorted(Comparator.comparing(ReportTemplate::createdAt).thenComparing(t -> t.id().toString()))
        .toList();
    return new TemplatePage(matching.stream().skip(query.offset()).limit(query.limit()).toList(), matching.size());
  }

  @Override
  public synchronized boolean update(ReportTemplate expected, ReportTemplate updated) {
    ReportTemplate stored = templates.get(expected.id());
    if (stored == null || !stored.updatedAt().equals(expected.updatedAt())) {
      return false;
    }
    templates.put(expected.id(), updated);
    return true;
  }

  @Override
  public synchronized boolean delete(UUID id) {
    return templates.remove(id) != null;
  }

  synchronized List<ReportTemplate> all() {
    return List.copyOf(templates.values());
  }
}
