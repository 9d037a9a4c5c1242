import asyncio
from typing import Sequence, Union


class Subscription:
    def __init__(self, topic, qos=0, no_local=False, retain_as_published=False, retain_handling_options=0,
                 subscription_identifier=None):
        self.topic = topic
        self.qos = qos
        self.no_local = no_local
        self.retain_as_published = retain_as_published
        self.retain_handling_options = retain_handling_options
        self.subscription_identifier = subscription_identifier


class MqttPackageHandler:
    def __init__(self, optimistic_acknowledgement=True):
        self._optimistic_acknowledgement = optimistic_acknowledgement
        self._connection = None


class SubscriptionsHandler:
    def __init__(self):
        self.subscriptions = []

    def update_subscriptions_with_subscription_or_topic(self, subscription_or_topic, qos, kwargs):
        subscription_identifier = kwargs.get('subscription_identifier')
        if isinstance(subscription_or_topic, Subscription):
            subscriptions = [subscription_or_topic]
        elif isinstance(subscription_or_topic, (tuple, list)):
            subscriptions = subscription_or_topic
        elif isinstance(subscription_or_topic, str):
            subscriptions = [Subscription(subscription_or_topic, qos=qos,
                                          subscription_identifier=subscription_identifier)]
        else:
            raise ValueError('Bad subscription: must be string or Subscription or list of Subscriptions')
        self.subscriptions.extend(subscriptions)
        return subscriptions

    def _remove_subscriptions(self, topic: Union[str, Sequence[str]]):
        if isinstance(topic, str):
            self.subscriptions = [s for s in self.subscriptions if s.topic != topic]
        else:
            self.subscriptions = [s for s in self.subscriptions if s.topic not in topic]

    def subscribe(self, subscription_or_topic: Union[str, Subscription, Sequence[Subscription]], qos=0, **kwargs):
        subscriptions = self.update_subscriptions_with_subscription_or_topic(subscription_or_topic, qos, kwargs)
        return self._connection.subscribe(subscriptions, **kwargs)

    def unsubscribe(self, topic: Union[str, Sequence[str]], **kwargs):
        self._remove_subscriptions(topic)
        return self._connection.unsubscribe(topic, **kwargs)


class Client(MqttPackageHandler, SubscriptionsHandler):
    def __init__(self, client_id, clean_session=True, optimistic_acknowledgement=True, **kwargs):
        super(Client, self).__init__(optimistic_acknowledgement=optimistic_acknowledgement)
        self._client_id = client_id
        self._clean_session = clean_session
        self._resend_task = asyncio.ensure_future(self._resend_qos_messages())
        SubscriptionsHandler.__init__(self)

    async def _resend_qos_messages(self):
        await asyncio.sleep(1)

    def get_subscription_by_identifier(self, subscription_identifier):
        return next((sub for sub in self.subscriptions if sub.subscription_identifier == subscription_identifier), None)
