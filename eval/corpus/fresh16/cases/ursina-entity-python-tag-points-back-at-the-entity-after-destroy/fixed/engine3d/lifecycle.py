from .entity import Entity, scene


def destroy(entity: Entity) -> None:
    if entity in scene.entities:
        scene.entities.remove(entity)
    if entity in scene.collidables:
        scene.collidables.remove(entity)
    on_destroy = getattr(entity, "on_destroy", None)
    if on_destroy is not None:
        on_destroy()
    # the node's tag points back at the entity: clear it, or the entity outlives destroy()
    if entity.hasPythonTag("Entity"):
        entity.clearPythonTag("Entity")
    entity.removeNode()
