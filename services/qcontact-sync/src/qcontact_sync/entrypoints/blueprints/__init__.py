"""qcontact-sync's HTTP resources, one blueprint per module (``make_blueprint(container)``).

Endpoints only parse, authorise, call a use case (``service_layer``) or a read (``views``) and
shape the answer; reads use the autocommit sessions, writes one transaction each.
"""
