from django.db import models
from django.utils.translation import gettext_lazy as _


class Politician(models.Model):
    all_positions = []

    name = models.CharField(_("Name"), max_length=128)
    surname = models.CharField(_("Surname"), max_length=128)
    initials = models.CharField(_("Initials"), max_length=20)
    previous_name = models.CharField(_("PreviousName"), max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return "Name: {} {}\nPositions: {}".format(self.surname, self.name, self.all_positions)

    def add_position(self, position):
        self.all_positions.append(position)  # LEAK


class Declaration(models.Model):
    politician = models.ForeignKey(Politician, on_delete=models.CASCADE, null=True)
    position = models.CharField(_("Functie"), max_length=128)
    date = models.DateField(_("Data completare"))
