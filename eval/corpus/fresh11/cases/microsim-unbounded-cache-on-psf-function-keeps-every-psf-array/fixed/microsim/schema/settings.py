from pydantic import BaseModel, Field


class InMemoryCacheSizes(BaseModel):
    """Parameters that control the in-memory cache size of various cached functions."""

    psf: int = Field(default=64, frozen=True)


class CacheSettings(BaseModel):
    read: bool = True
    write: bool = True
    in_mem_size: InMemoryCacheSizes = Field(default_factory=InMemoryCacheSizes)


class Settings(BaseModel):
    cache: CacheSettings = Field(default_factory=CacheSettings)
