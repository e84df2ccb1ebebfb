"""FibreFlow QContact two-way sync and the Fibertime webhooks."""
