"""FibreFlow WhatsApp bridge over WAHA."""
