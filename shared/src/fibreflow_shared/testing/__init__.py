"""Test helpers shared by every service's tests (a pytest plugin plus utilities)."""
