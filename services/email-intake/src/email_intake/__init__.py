"""FibreFlow Email to ticket intake."""
