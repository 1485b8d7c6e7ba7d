import type {Page} from 'playwright-core';

/** A reference as the form shows it once a request is stored. */
export const REFERENCE = /DEMO-\d{4}-\d{6}/;

export interface Person {
  lastName: string;
  firstNames: string;
  birthDate: {day: string; month: string; year: string};
  phone: string;
}

/** Fills `<cpts-intake-form>` the way a person registering themself would: each control found by its label. */
export async function fillIntakeForm(page: Page, person: Person): Promise<void> {
  const form = page.locator('cpts-intake-form');
  await form.getByLabel('La personne qui cherche un médecin (moi)').check();
  await form.getByLabel('Nom de famille').fill(person.lastName);
  await form.getByLabel('Prénoms').fill(person.firstNames);
  const birth = form.getByRole('group', {name: /Date de naissance/});
  await birth.getByLabel('Jour').fill(person.birthDate.day);
  await birth.getByLabel('Mois').fill(person.birthDate.month);
  await birth.getByLabel('Année').fill(person.birthDate.year);
  await form.getByLabel('Téléphone', {exact: true}).fill(person.phone);
  await form.getByLabel('Commune où vit la personne').fill('Saint-Omer (62500)');
  await form.getByLabel('Le médecin est parti à la retraite').check();
  await form.getByLabel(/J’accepte que la CPTS utilise ces informations/).check();
}
