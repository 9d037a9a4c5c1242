import logging
import threading

import sqlalchemy
import sqlalchemy.orm

from kmip.core import enums, exceptions
from kmip.core.messages import contents, messages
from kmip.pie import objects, sqltypes


class KmipEngine(object):
    def __init__(self, database_path=None):
        self._logger = logging.getLogger('kmip.server.engine')
        self.database_path = 'sqlite:///{}'.format(database_path or '/tmp/pykmip.database')
        self._data_store = sqlalchemy.create_engine(
            self.database_path,
            echo=False,
            connect_args={'check_same_thread': False}
        )
        sqltypes.Base.metadata.create_all(self._data_store)
        self._data_store_session_factory = sqlalchemy.orm.sessionmaker(bind=self._data_store)
        self._lock = threading.RLock()

    def _process_operation(self, operation, payload):
        if operation == enums.Operation.GET:
            return self._process_get(payload)
        raise exceptions.OperationNotSupported("{0} operation is not supported by the server.".format(operation))

    def _process_get(self, payload):
        managed_object = self._data_session.query(objects.ManagedObject).filter(
            objects.ManagedObject.unique_identifier == payload.unique_identifier
        ).one()
        return managed_object

    def _process_batch(self, request_batch, batch_handling, batch_order):
        response_batch = list()

        self._data_session = self._data_store_session_factory()  # LEAK

        for batch_item in request_batch:
            error_occurred = False
            result_status = None
            result_reason = None
            result_message = None
            response_payload = None
            try:
                response_payload = self._process_operation(batch_item.operation.value, batch_item.request_payload)
                result_status = enums.ResultStatus.SUCCESS
            except exceptions.KmipError as e:
                error_occurred = True
                result_status = e.status
                result_reason = e.reason
                result_message = str(e)
            except Exception as e:
                self._logger.exception(e)
                error_occurred = True
                result_status = enums.ResultStatus.OPERATION_FAILED
                result_reason = enums.ResultReason.GENERAL_FAILURE
                result_message = "Operation failed. See the server logs for more information."
        
            response_batch.append(messages.ResponseBatchItem(
                operation=batch_item.operation,
                unique_batch_item_id=batch_item.unique_batch_item_id,
                result_status=contents.ResultStatus(result_status),
                result_reason=result_reason,
                result_message=result_message,
                response_payload=response_payload
            ))
        
            if error_occurred:
                if batch_handling == enums.BatchErrorContinuationOption.STOP:
                    break

        return response_batch
