from __future__ import annotations


def WaitForTasks(tasks, si, raiseOnError: bool = True):
    """Wait until every task has finished; raise the first task error."""
    pc = si.content.propertyCollector
    pending = {str(task): task for task in tasks}
    results = []
    version = None
    while pending:
        update = pc.WaitForUpdates(version)
        for filterSet in update.filterSet:
            for objSet in filterSet.objectSet:
                task = objSet.obj
                taskId = str(task)
                state = task.info.state
                if taskId not in pending:
                    continue
                if state == "success":
                    pending.pop(taskId)
                    results.append(task.info.result)
                elif state == "error":
                    err = task.info.error
                    if raiseOnError:
                        raise err  # LEAK
                    else:
                        print("Task %s reported error: %s" % (taskId, str(err)))
                        pending.pop(taskId)
        version = update.version
    return results
