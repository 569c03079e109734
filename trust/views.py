"""Pages of the trust's structure and plan: components, meetings, plans, priorities."""
