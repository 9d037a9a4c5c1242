from .entity import Entity, scene


def destroy(entity: Entity) -> None:
    if entity in scene.entities:
        scene.entities.remove(entity)
    if entity in scene.collidables:
        scene.collidables.remove(entity)
    on_destroy = getattr(entity, "on_destroy", None)
    if on_destroy is not None:
        on_destroy()
    entity.removeNode()
