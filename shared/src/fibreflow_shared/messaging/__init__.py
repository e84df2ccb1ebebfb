"""Messaging over RabbitMQ: envelope, topology, transactional outbox + relay, idempotent consumer."""
