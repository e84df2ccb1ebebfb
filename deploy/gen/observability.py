"""Scrape targets (ServiceMonitor, PodMonitor), alert rules (PrometheusRule) and the Grafana
dashboard. Every metric named here is exported by FibreFlow's code (fibreflow_shared.metrics and
the services' own), except ``rabbitmq_*`` (RabbitMQ's Prometheus plugin); deploy/tests check it."""
from __future__ import annotations

from typing import Any

# (alert, expression, for, severity, summary). Metric selectors are always written name{...}.
ALERTS: list[tuple[str, str, str, str, str]] = [
    ("SLABreachesRising",
     'sum(increase(events_published_total{service="sla",event_type="sla.breached"}[1h])) > 5 and '
     'sum(increase(events_published_total{service="sla",event_type="sla.breached"}[1h])) > '
     '2 * sum(increase(events_published_total{service="sla",event_type="sla.breached"}[1h] offset 1d))',
     "15m", "warning", "SLA breaches in the last hour are more than twice yesterday's at this time"),
    ("DeadLetterQueueNotEmpty",
     'max by (queue) (rabbitmq_detailed_queue_messages{queue=~".+\\\\.dead"}) > 0',
     "5m", "warning", "Dead letters wait in {{ $labels.queue }}: inspect and replay with fibreflow-<svc> dead-letters"),
    ("EventsDeadLettered",
     'sum by (service, event_type) (increase(events_failed_total{disposition="dead_letter"}[15m])) > 0',
     "0m", "warning", "{{ $labels.service }} dead-lettered {{ $labels.event_type }} events"),
    ("OutboxBacklogOld",
     'max by (service) (outbox_oldest_age_seconds{}) > 300',
     "5m", "critical", "{{ $labels.service }}'s oldest unpublished outbox row is over 5 minutes old"),
    ("InvoicingFailures",
     'sum(increase(billing_invoice_failures_total{}[30m])) > 0',
     "0m", "warning", "Automatic invoicing gave up on tickets (billing_invoice_failures_total)"),
    ("HTTP5xxRate",
     'sum by (service) (rate(http_request_duration_seconds_count{status=~"5.."}[5m])) / '
     'sum by (service) (rate(http_request_duration_seconds_count{}[5m])) > 0.02',
     "10m", "critical", "More than 2% of {{ $labels.service }}'s requests fail with 5xx"),
    ("HTTPLatencyP99High",
     'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket{}[5m]))) > 1',
     "10m", "warning", "{{ $labels.service }}'s p99 latency is over 1 s"),
    ("WorkerLoopsRestarting",
     'sum by (loop) (increase(worker_loop_restarts_total{}[15m])) > 3',
     "0m", "warning", "Worker loop {{ $labels.loop }} keeps crashing and restarting"),
]
# Added by deploy/generate.py from the integration services' own metrics (see INTEGRATION_ALERTS there).


def prometheus_rule(alerts: list[tuple[str, str, str, str, str]]) -> dict[str, Any]:
    rules = []
    for name, expr, for_, severity, summary in alerts:
        rule: dict[str, Any] = {"alert": name, "expr": expr}
        if for_ != "0m":
            rule["for"] = for_
        rule["labels"] = {"severity": severity}
        rule["annotations"] = {"summary": summary, "runbook_url": "docs/operations.md#alerts"}
        rules.append(rule)
    return {"apiVersion": "monitoring.coreos.com/v1", "kind": "PrometheusRule",
            "metadata": {"name": "fibreflow", "labels": {"release": "prometheus"}},
            "spec": {"groups": [{"name": "fibreflow", "rules": rules}]}}


def monitors() -> list[dict[str, Any]]:
    web = {"apiVersion": "monitoring.coreos.com/v1", "kind": "ServiceMonitor",
           "metadata": {"name": "fibreflow-web", "labels": {"release": "prometheus"}},
           "spec": {"selector": {"matchLabels": {"app.kubernetes.io/part-of": "fibreflow",
                                                 "app.kubernetes.io/component": "web"}},
                    "endpoints": [{"port": "http", "path": "/metrics", "interval": "30s"}]}}
    workers = {"apiVersion": "monitoring.coreos.com/v1", "kind": "PodMonitor",
               "metadata": {"name": "fibreflow-workers", "labels": {"release": "prometheus"}},
               "spec": {"selector": {"matchLabels": {"app.kubernetes.io/part-of": "fibreflow",
                                                     "app.kubernetes.io/component": "worker"}},
                        "podMetricsEndpoints": [{"port": "metrics", "path": "/metrics", "interval": "30s"}]}}
    broker = {"apiVersion": "monitoring.coreos.com/v1", "kind": "ServiceMonitor",
              "metadata": {"name": "rabbitmq", "labels": {"release": "prometheus"}},
              "spec": {"selector": {"matchLabels": {"app.kubernetes.io/name": "rabbitmq",
                                                    "app.kubernetes.io/component": "rabbitmq"}},
                       # Per-queue depths (the dead-letter alert) come from the detailed endpoint.
                       "endpoints": [{"port": "prometheus", "path": "/metrics/detailed",
                                      "params": {"family": ["queue_coarse_metrics"]}, "interval": "30s"},
                                     {"port": "prometheus", "path": "/metrics", "interval": "30s"}]}}
    return [web, workers, broker]


def _panel(n: int, title: str, exprs: list[tuple[str, str]], unit: str = "short") -> dict[str, Any]:
    return {"id": n, "type": "timeseries", "title": title,
            "datasource": {"type": "prometheus", "uid": "${datasource}"},
            "gridPos": {"h": 8, "w": 12, "x": 12 * (n % 2), "y": 8 * (n // 2)},
            "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
            "targets": [{"refId": chr(65 + i), "expr": expr, "legendFormat": legend}
                        for i, (expr, legend) in enumerate(exprs)]}


PANELS: list[tuple[str, list[tuple[str, str]], str]] = [
    ("Requests per second", [('sum by (service) (rate(http_request_duration_seconds_count{}[5m]))', "{{service}}")], "reqps"),
    ("5xx ratio", [('sum by (service) (rate(http_request_duration_seconds_count{status=~"5.."}[5m])) / '
                    'sum by (service) (rate(http_request_duration_seconds_count{}[5m]))', "{{service}}")], "percentunit"),
    ("p99 latency", [('histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket{}[5m])))',
                      "{{service}}")], "s"),
    ("Gateway → upstream p99", [('histogram_quantile(0.99, sum by (upstream, le) '
                                 '(rate(gateway_upstream_duration_seconds_bucket{}[5m])))', "{{upstream}}")], "s"),
    ("Outbox backlog", [('max by (service) (outbox_backlog{})', "{{service}}")], "short"),
    ("Outbox oldest row age", [('max by (service) (outbox_oldest_age_seconds{})', "{{service}}")], "s"),
    ("Events published / consumed", [('sum by (service) (rate(events_published_total{}[5m]))', "published {{service}}"),
                                     ('sum by (service) (rate(events_consumed_total{}[5m]))', "consumed {{service}}")], "ops"),
    ("Event failures", [('sum by (service, disposition) (rate(events_failed_total{}[5m]))', "{{service}} {{disposition}}")], "ops"),
    ("Dead-letter queues", [('max by (queue) (rabbitmq_detailed_queue_messages{queue=~".+\\\\.dead"})', "{{queue}}")], "short"),
    ("SLA breaches (1h)", [('sum(increase(events_published_total{service="sla",event_type="sla.breached"}[1h]))', "breached")], "short"),
    ("Invoicing", [('sum(rate(billing_invoice_attempts_total{}[15m])) by (outcome)', "{{outcome}}"),
                   ('sum(increase(billing_invoice_failures_total{}[1h]))', "gave up (1h)")], "short"),
    ("Worker loop restarts", [('sum by (loop) (increase(worker_loop_restarts_total{}[15m]))', "{{loop}}")], "short"),
]


def dashboard(extra: list[tuple[str, list[tuple[str, str]], str]]) -> dict[str, Any]:
    panels = [_panel(n, title, exprs, unit) for n, (title, exprs, unit) in enumerate(PANELS + extra)]
    return {"uid": "fibreflow-main", "title": "FibreFlow", "schemaVersion": 39, "version": 1, "editable": True,
            "tags": ["fibreflow"], "time": {"from": "now-6h", "to": "now"}, "refresh": "30s",
            "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus",
                                     "label": "Prometheus"}]},
            "panels": panels}
