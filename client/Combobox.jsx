// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

// A searchable list as the ARIA 1.2 combobox pattern ("list autocomplete"): a text input with role=combobox
// whose listbox of matching options opens as one types or presses the down arrow. The focus stays in the input;
// the option the arrows point at is its aria-activedescendant; Enter chooses it, Escape closes the list. A polite
// live region tells how many options match. (Semantic UI's searchable dropdown gives a screen reader neither
// names nor the current option.)

import PropTypes from 'prop-types';
import React, {useEffect, useMemo, useRef, useState} from 'react';

import {PluralTranslate, Translate} from './i18n';

// case and accents do not matter when searching ("cote" finds "Côte d'Ivoire")
const fold = text =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export default function Combobox({
  id,
  labelId,
  options,
  value,
  onChange,
  placeholder,
  disabled,
  invalid,
  describedBy,
  dataOewg,
}) {
  const selected = options.find(opt => opt.value === value) || null;
  const [text, setText] = useState(selected ? selected.text : '');
  // what the list is filtered by: null shows every option (opened with the arrow keys)
  const [filter, setFilter] = useState(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef(null);
  const listId = `${id}-listbox`;
  const optionId = index => `${id}-option-${index}`;

  const selectedText = selected ? selected.text : '';
  // the value may change from outside (another representation empties it)
  useEffect(() => {
    setText(selectedText);
  }, [value, selectedText]);

  const matches = useMemo(() => {
    if (!filter) {
      return options;
    }
    const folded = fold(filter);
    return options.filter(opt => fold(opt.text).includes(folded));
  }, [options, filter]);
  const expanded = open && matches.length > 0;

  // the option the arrows point at stays in view
  useEffect(() => {
    if (expanded && active >= 0 && listRef.current) {
      const element = listRef.current.children[active];
      if (element && element.scrollIntoView) {
        element.scrollIntoView({block: 'nearest'});
      }
    }
  }, [expanded, active]);

  const close = () => {
    setOpen(false);
    setActive(-1);
    setFilter(null);
  };

  const choose = option => {
    setText(option.text);
    close();
    if (option.value !== value) {
      onChange(option.value);
    }
  };

  const openAll = index => {
    setFilter(null);
    setOpen(true);
    setActive(index);
  };

  const handleKeyDown = evt => {
    const count = matches.length;
    if (evt.key === 'ArrowDown') {
      evt.preventDefault();
      if (!open) {
        const current = options.indexOf(selected);
        openAll(evt.altKey ? -1 : Math.max(current, 0));
      } else if (count) {
        setActive((active + 1) % count);
      }
    } else if (evt.key === 'ArrowUp') {
      evt.preventDefault();
      if (!open) {
        const current = options.indexOf(selected);
        openAll(current >= 0 ? current : options.length - 1);
      } else if (count) {
        setActive(active <= 0 ? count - 1 : active - 1);
      }
    } else if (evt.key === 'Enter') {
      if (expanded && active >= 0 && active < count) {
        // choosing, not submitting the registration form
        evt.preventDefault();
        choose(matches[active]);
      }
    } else if (evt.key === 'Escape') {
      if (open) {
        evt.preventDefault();
        close();
        setText(selectedText);
      } else if (text) {
        evt.preventDefault();
        setText('');
        if (value !== null) {
          onChange(null);
        }
      }
    }
  };

  const handleInput = evt => {
    const typed = evt.target.value;
    setText(typed);
    setFilter(typed);
    setOpen(true);
    // the first match is the one Enter chooses
    const folded = fold(typed);
    setActive(options.some(opt => fold(opt.text).includes(folded)) ? 0 : -1);
  };

  const handleBlur = () => {
    if (!open && text === selectedText) {
      return;
    }
    close();
    const typed = fold(text.trim());
    const exact = typed ? options.find(opt => fold(opt.text) === typed) : null;
    if (exact) {
      choose(exact);
    } else if (!typed) {
      setText('');
      if (value !== null) {
        onChange(null);
      }
    } else {
      // text matching no option is not a value: the chosen one is shown again
      setText(selectedText);
    }
  };

  let status = '';
  if (open) {
    status = matches.length
      ? PluralTranslate.string(
          '{count} result, use the up and down arrow keys to choose',
          '{count} results, use the up and down arrow keys to choose',
          matches.length,
          {count: matches.length}
        )
      : Translate.string('No match');
  }

  return (
    <div className="oewg-combobox" data-oewg={dataOewg}>
      <div className="ui fluid input">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          disabled={disabled}
          onChange={handleInput}
          onKeyDown={handleKeyDown}
          onBlur={handleBlur}
          onClick={() => (open ? close() : openAll(Math.max(options.indexOf(selected), 0)))}
        />
      </div>
      <ul
        id={listId}
        ref={listRef}
        role="listbox"
        aria-labelledby={labelId}
        className="oewg-listbox"
        hidden={!expanded}
      >
        {expanded &&
          matches.map((opt, index) => (
            <li
              key={opt.value}
              id={optionId(index)}
              role="option"
              aria-selected={opt.value === value}
              className={index === active ? 'oewg-active' : undefined}
              // the input keeps the focus: a click must not blur it first
              onMouseDown={evt => evt.preventDefault()}
              onClick={() => choose(opt)}
            >
              {opt.text}
            </li>
          ))}
      </ul>
      {open && !matches.length && (
        <div className="oewg-no-match" aria-hidden="true">
          {Translate.string('No match')}
        </div>
      )}
      <div className="oewg-sr-only" role="status">
        {status}
      </div>
    </div>
  );
}

Combobox.propTypes = {
  id: PropTypes.string.isRequired,
  labelId: PropTypes.string.isRequired,
  options: PropTypes.arrayOf(
    PropTypes.shape({value: PropTypes.string.isRequired, text: PropTypes.string.isRequired})
  ).isRequired,
  value: PropTypes.string,
  onChange: PropTypes.func.isRequired,
  placeholder: PropTypes.string,
  disabled: PropTypes.bool,
  invalid: PropTypes.bool,
  describedBy: PropTypes.string,
  dataOewg: PropTypes.string,
};

Combobox.defaultProps = {
  value: null,
  placeholder: undefined,
  disabled: false,
  invalid: false,
  describedBy: undefined,
  dataOewg: undefined,
};
