from moonsheep.decorators import register

import project_template.models as models
from project_template.task_templates import DigitalizationTask


class TaskGetInitialInformation(DigitalizationTask):
    template_name = 'tasks/general_information_task.html'

    def save_verified_data(self, verified_data):
        politician, created = models.Politician.objects.get_or_create(
            name=verified_data['name'],
            surname=verified_data['surname'],
            initials=verified_data['initials'],
            previous_name=verified_data['previous_name']
        )

        politician.add_position(verified_data['position'])

        models.Declaration.objects.get_or_create(
            politician=politician,
            date=verified_data['date'],
            position=verified_data['position'],
        )
