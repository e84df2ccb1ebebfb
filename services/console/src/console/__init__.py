"""FibreFlow Staff console, a backend-for-frontend over the gateway API."""
