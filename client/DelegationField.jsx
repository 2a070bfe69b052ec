// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

import PropTypes from 'prop-types';
import React from 'react';
import {Form, Input, Message} from 'semantic-ui-react';

import {FinalCheckbox, FinalDropdown, FinalField, FinalInput} from 'indico/react/forms';

import Combobox from './Combobox';
import {Translate} from './i18n';
import {getRepresentations, isStateRepresentation} from './representations';

const choicePropType = PropTypes.arrayOf(
  PropTypes.shape({value: PropTypes.string.isRequired, text: PropTypes.string.isRequired})
);

const toOptions = choices => choices.map(({value, text}) => ({key: value, value, text}));

function delegationOptions(representation, {memberStates, observerStates, organizations}) {
  if (representation === 'member_state') {
    return toOptions(memberStates);
  } else if (representation === 'observer_state') {
    return toOptions(observerStates);
  }
  // an organization whose kind the observers' registry states must match the representation
  return toOptions(organizations.filter(org => !org.kind || org.kind === representation));
}

// A short list as a native <select> (Semantic UI's look): a screen reader names it by its <label> and reads its
// options; the keyboard works as everywhere. The empty first option is the placeholder.
function Select({id, dataOewg, value, choices, placeholder, onChange, disabled, required, invalid, describedBy}) {
  return (
    <select
      id={id}
      className="ui dropdown oewg-select"
      data-oewg={dataOewg}
      value={value || ''}
      onChange={evt => onChange(evt.target.value || null)}
      disabled={disabled}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy || undefined}
    >
      <option value="">{placeholder}</option>
      {choices.map(({value: optionValue, text}) => (
        <option key={optionValue} value={optionValue}>
          {text}
        </option>
      ))}
    </select>
  );
}

Select.propTypes = {
  id: PropTypes.string.isRequired,
  dataOewg: PropTypes.string.isRequired,
  value: PropTypes.string,
  choices: choicePropType.isRequired,
  placeholder: PropTypes.string.isRequired,
  onChange: PropTypes.func.isRequired,
  disabled: PropTypes.bool,
  required: PropTypes.bool,
  invalid: PropTypes.bool,
  describedBy: PropTypes.string,
};

Select.defaultProps = {
  value: null,
  disabled: false,
  required: false,
  invalid: false,
  describedBy: undefined,
};

function DelegationWidget({
  id,
  value,
  onChange,
  onFocus,
  onBlur,
  disabled,
  isRequired,
  error,
  representationChoices,
  roleChoices,
  roleRequired,
  memberStates,
  observerStates,
  organizations,
}) {
  const current = value || {};
  const {representation = null, delegation = null, role = null, title = ''} = current;
  const update = changes => {
    const next = {representation, delegation, role, title, ...changes};
    onChange(next.representation ? next : null);
  };
  const isState = isStateRepresentation(representation);
  const options = representation
    ? delegationOptions(representation, {memberStates, observerStates, organizations})
    : [];
  const errorId = `${id}-error`;
  // the part an error is about is marked invalid and described by the message
  const invalid = part => !!error && error.part === part;
  const describedBy = part => (invalid(part) ? errorId : undefined);
  return (
    <div
      id={id}
      className="oewg-delegation"
      data-field-id={id}
      onFocus={evt => !evt.currentTarget.contains(evt.relatedTarget) && onFocus && onFocus(evt)}
      // the field is left (and then checked) when the focus leaves all of its parts, not from one to the next
      onBlur={evt => !evt.currentTarget.contains(evt.relatedTarget) && onBlur && onBlur(evt)}
    >
      <Form.Field disabled={disabled} required={isRequired} error={invalid('representation')}>
        <label htmlFor={`${id}-representation`}>{Translate.string('Representing')}</label>
        <Select
          id={`${id}-representation`}
          dataOewg="representation"
          value={representation}
          choices={representationChoices}
          placeholder={Translate.string('Choose whom you represent')}
          onChange={rep => update({representation: rep, delegation: null})}
          disabled={disabled}
          required={isRequired}
          invalid={invalid('representation')}
          describedBy={describedBy('representation')}
        />
      </Form.Field>
      {representation && (
        <Form.Field disabled={disabled} required error={invalid('delegation')}>
          <label id={`${id}-delegation-label`} htmlFor={`${id}-delegation`}>
            {isState ? Translate.string('State') : Translate.string('Organization')}
          </label>
          {!isState && !options.length ? (
            <Message
              data-oewg="no-organization"
              size="small"
              content={Translate.string(
                'No organization of this kind is accredited for this session. Organizations must be accredited before their representatives register.'
              )}
            />
          ) : (
            <Combobox
              id={`${id}-delegation`}
              labelId={`${id}-delegation-label`}
              dataOewg="delegation"
              options={options}
              value={delegation}
              onChange={code => update({delegation: code})}
              placeholder={
                isState
                  ? Translate.string('Type or choose the State')
                  : Translate.string('Type or choose the accredited organization')
              }
              disabled={disabled}
              invalid={invalid('delegation')}
              describedBy={describedBy('delegation')}
            />
          )}
        </Form.Field>
      )}
      <Form.Group widths="equal">
        <Form.Field disabled={disabled} required={roleRequired} error={invalid('role')}>
          <label htmlFor={`${id}-role`}>{Translate.string('Role in the delegation')}</label>
          <Select
            id={`${id}-role`}
            dataOewg="role"
            value={role}
            choices={roleChoices}
            placeholder={Translate.string('Choose the role')}
            onChange={newRole => update({role: newRole})}
            disabled={disabled || !representation}
            required={roleRequired}
            invalid={invalid('role')}
            describedBy={describedBy('role')}
          />
        </Form.Field>
        <Form.Field disabled={disabled}>
          <label htmlFor={`${id}-title`}>{Translate.string('Official title or function')}</label>
          <Input
            id={`${id}-title`}
            data-oewg="title"
            value={title || ''}
            maxLength={250}
            placeholder={Translate.string('e.g. Ambassador, Permanent Representative')}
            onChange={(__, {value: newTitle}) => update({title: newTitle})}
            disabled={disabled || !representation}
          />
        </Form.Field>
      </Form.Group>
      {error && (
        <p id={errorId} className="oewg-field-error" data-oewg="error">
          {error.message}
        </p>
      )}
    </div>
  );
}

DelegationWidget.propTypes = {
  id: PropTypes.string.isRequired,
  value: PropTypes.oneOfType([PropTypes.object, PropTypes.string]),
  onChange: PropTypes.func.isRequired,
  onFocus: PropTypes.func,
  onBlur: PropTypes.func,
  disabled: PropTypes.bool,
  isRequired: PropTypes.bool,
  error: PropTypes.shape({part: PropTypes.string, message: PropTypes.string}),
  representationChoices: choicePropType.isRequired,
  roleChoices: choicePropType.isRequired,
  roleRequired: PropTypes.bool.isRequired,
  memberStates: choicePropType.isRequired,
  observerStates: choicePropType.isRequired,
  organizations: choicePropType.isRequired,
};

DelegationWidget.defaultProps = {
  value: null,
  onFocus: undefined,
  onBlur: undefined,
  disabled: false,
  isRequired: false,
  error: null,
};

function makeValidator(isRequired, roleRequired) {
  return value => {
    if (!value || !value.representation) {
      return isRequired ? Translate.string('Please choose whom you represent.') : undefined;
    } else if (!value.delegation) {
      return Translate.string('Please choose the delegation.');
    } else if (roleRequired && !value.role) {
      return Translate.string('Please indicate your role in the delegation.');
    }
    return undefined;
  };
}

// the part of the field an error is about: the first one missing (as makeValidator checks them)
function errorPart(value) {
  if (!value || !value.representation) {
    return 'representation';
  } else if (!value.delegation) {
    return 'delegation';
  } else if (!value.role) {
    return 'role';
  }
  return null;
}

// final-form's field state -> the widget. The error is shown in the field itself, next to the part it is about
// (Indico's adapter shows it in a popup no screen reader links to the field): once the field was left, or after a
// submission (which touches every field), or when the server refused it.
function DelegationAdapter({input, meta, ...props}) {
  const {touched, error, submitError, dirtySinceLastSubmit, submitting} = meta;
  let message = null;
  if (touched && error) {
    message = error;
  } else if (submitError && !dirtySinceLastSubmit && !submitting) {
    message = Array.isArray(submitError) ? submitError.join(' ') : String(submitError);
  }
  const shown = message ? {part: errorPart(input.value), message} : null;
  return (
    <DelegationWidget
      {...props}
      value={input.value}
      onChange={input.onChange}
      onFocus={input.onFocus}
      onBlur={input.onBlur}
      error={shown}
    />
  );
}

DelegationAdapter.propTypes = {
  input: PropTypes.object.isRequired,
  meta: PropTypes.object.isRequired,
};

export function DelegationInput({
  htmlId,
  htmlName,
  isRequired,
  disabled,
  representationChoices,
  roleChoices,
  roleRequired,
  memberStates,
  observerStates,
  organizations,
}) {
  return (
    <FinalField
      id={htmlId}
      name={htmlName}
      adapter={DelegationAdapter}
      validate={makeValidator(isRequired, roleRequired && isRequired)}
      isEqual={(a, b) => JSON.stringify(a || null) === JSON.stringify(b || null)}
      parse={x => x}
      format={x => x}
      undefinedValue={null}
      disabled={disabled}
      isRequired={isRequired}
      representationChoices={representationChoices}
      roleChoices={roleChoices}
      roleRequired={roleRequired && isRequired}
      memberStates={memberStates}
      observerStates={observerStates}
      organizations={organizations}
    />
  );
}

DelegationInput.propTypes = {
  htmlId: PropTypes.string.isRequired,
  htmlName: PropTypes.string.isRequired,
  isRequired: PropTypes.bool,
  disabled: PropTypes.bool,
  representationChoices: choicePropType,
  roleChoices: choicePropType,
  roleRequired: PropTypes.bool,
  memberStates: choicePropType,
  observerStates: choicePropType,
  organizations: choicePropType,
};

DelegationInput.defaultProps = {
  isRequired: false,
  disabled: false,
  representationChoices: [],
  roleChoices: [],
  roleRequired: true,
  memberStates: [],
  observerStates: [],
  organizations: [],
};

export function settingsFormInitialData() {
  return {
    representations: getRepresentations().map(rep => rep.value),
    roleRequired: true,
    organizationQuota: null,
  };
}

export function DelegationSettings() {
  return (
    <>
      <FinalDropdown
        name="representations"
        label={Translate.string('Representations offered')}
        options={getRepresentations().map(({value, text}) => ({key: value, value, text}))}
        multiple
        selection
        required
        description={Translate.string('Whom participants may represent on this form.')}
      />
      <FinalCheckbox name="roleRequired" label={Translate.string('The role in the delegation is required')} />
      <FinalInput
        name="organizationQuota"
        type="number"
        min="1"
        step="1"
        label={Translate.string('Representatives per organization')}
        placeholder={Translate.string('No limit')}
        description={Translate.string(
          'At most this many active registrations per observer organization (States are not limited).'
        )}
      />
    </>
  );
}
