from .github import GitHub, GitHubCore

__all__ = ["GitHub", "GitHubCore"]
