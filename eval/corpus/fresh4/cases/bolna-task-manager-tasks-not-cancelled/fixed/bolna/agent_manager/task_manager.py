from __future__ import annotations

import asyncio

from bolna.helpers.utils import process_task_cancellation


class TaskManager:
    def __init__(self, tools: dict, input_queue: asyncio.Queue, turn_based_conversation: bool = False):
        self.tools = tools
        self.input_queue = input_queue
        self.turn_based_conversation = turn_based_conversation
        self.first_message_task_new = asyncio.create_task(self.message_task_new())
        self.llm_task = None
        self.llm_queue_task = None
        self.execute_function_call_task = None
        self.synthesizer_task = None
        self.transcriber_task = None

    async def message_task_new(self):
        await self.tools["output"].handle("hello")

    async def _listen_llm_input_queue(self):
        while True:
            message = await self.input_queue.get()
            self.llm_task = asyncio.create_task(self.tools["llm"].generate(message))

    async def run(self):
        try:
            if "transcriber" in self.tools:
                self.transcriber_task = asyncio.create_task(self.tools["transcriber"].run())
            if self.turn_based_conversation:
                self.llm_queue_task = asyncio.create_task(self._listen_llm_input_queue())
            if "synthesizer" in self.tools:
                self.synthesizer_task = asyncio.create_task(self.tools["synthesizer"].run())
            await self.tools["input"].handle()
        finally:
            tasks_to_cancel = []
            tasks_to_cancel.append(process_task_cancellation(self.first_message_task_new, "first_message_task_new"))
            tasks_to_cancel.append(process_task_cancellation(self.llm_task, "llm_task"))
            tasks_to_cancel.append(process_task_cancellation(self.llm_queue_task, "llm_queue_task"))
            tasks_to_cancel.append(process_task_cancellation(self.execute_function_call_task,
                                                             "execute_function_call_task"))
            if "synthesizer" in self.tools and self.synthesizer_task is not None:
                tasks_to_cancel.append(process_task_cancellation(self.synthesizer_task, "synthesizer_task"))
            if "transcriber" in self.tools and self.transcriber_task is not None:
                tasks_to_cancel.append(process_task_cancellation(self.transcriber_task, "transcriber_task"))
            await asyncio.gather(*tasks_to_cancel)
